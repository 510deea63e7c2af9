package org.disclosurereports.core.records;

/**
 * A reporting unit from agencies.csv. The contact columns are optional extensions of the data
 * contract: when present they fill the report's preamble, when absent the preamble omits them.
 */
public record Agency(String code, String name, String parentCode, String level,
                     String reportUrl, String contactOffice, String contactAddress, String contactPhone) {

    public boolean isRoot() {
        return parentCode == null;
    }
}

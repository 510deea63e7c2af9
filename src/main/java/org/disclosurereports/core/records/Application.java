package org.disclosurereports.core.records;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One 政府信息公开申请. {@code applicantType} is a table 三 column key, {@code outcome} a table 三
 * result-row key (null while open). No applicant names or contacts: the pipeline does not need them.
 */
public record Application(String agencyCode, String applicationId, LocalDate receivedDate, String applicantType,
                          LocalDate closedDate, String outcome, Boolean extended, BigDecimal feeYuan) {

    public boolean isOpen() {
        return closedDate == null;
    }
}

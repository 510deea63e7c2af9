package org.disclosurereports.run;

import org.disclosurereports.records.Agency;
import org.disclosurereports.tables.Evidence;
import org.disclosurereports.tables.StatutoryTables;
import org.disclosurereports.tables.TablesFromRecords;
import org.disclosurereports.tables.TablesJson;
import org.springframework.batch.item.ItemProcessor;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts one agency's tables for the year and makes its report files in memory. */
public class ReportBuilder implements ItemProcessor<Agency, BuiltReport> {

    private final TablesFromRecords tables;
    private final int year;

    public ReportBuilder(TablesFromRecords tables, int year) {
        this.tables = tables;
        this.year = year;
    }

    @Override
    public BuiltReport process(Agency agency) {
        StatutoryTables t = tables.agency(agency, year, Evidence.NONE);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("tables.json", TablesJson.write(t));
        return new BuiltReport(t, files);
    }
}

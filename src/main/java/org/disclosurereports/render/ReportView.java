package org.disclosurereports.render;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.records.Agency;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@code report.ftlh} reads for one report. The layout ({@code format}) drives the
 * template; the figures come only from {@code tables} (cells) and {@code narrative} (which itself
 * refers to cells).
 *
 * @param combinedUnits names of the units a summary report combines, in print order; empty for an
 *                      agency's own report
 * @param table3Header  header rows of table 三, derived from the layout's column groups
 * @param table4Header  header rows of table 四, derived from the layout's case-kind groups
 */
public record ReportView(ReportFormat format, Agency agency, StatutoryTables tables, List<String> combinedUnits,
                         ReportNarrative narrative, List<List<HeaderCell>> table3Header,
                         List<List<HeaderCell>> table4Header) {

    public ReportView {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(narrative, "narrative");
        combinedUnits = combinedUnits == null ? List.of() : List.copyOf(combinedUnits);
        if (!agency.code().equals(tables.agencyCode())) {
            throw new IllegalArgumentException("tables of " + tables.agencyCode() + " given for agency " + agency.code());
        }
    }

    public static ReportView of(ReportFormat format, Agency agency, StatutoryTables tables, List<String> combinedUnits) {
        return of(format, agency, tables, combinedUnits, ReportNarrative.of(format, tables));
    }

    public static ReportView of(ReportFormat format, Agency agency, StatutoryTables tables, List<String> combinedUnits,
                                ReportNarrative narrative) {
        return new ReportView(format, agency, tables, combinedUnits, narrative,
                HeaderCell.forApplicantGrid(format.table3Shape()), HeaderCell.forCaseGrid(format.table4()));
    }

    public String title() {
        return agency.name() + titleAfterName();
    }

    /** Full-width characters of the 22 pt title on a line of the 156 mm type area. */
    static final double TITLE_LINE_CHARACTERS = 20;

    /**
     * Whether the title is too long for one line: it then breaks after the unit's name, so that the
     * year and 政府信息公开工作年度报告 stay together instead of breaking mid-word (…工作年/度报告).
     * Latin letters and digits count as half a character.
     */
    public boolean titleWraps() {
        double width = 0;
        for (int i = 0; i < title().length(); i++) {
            width += title().charAt(i) < 0x2E80 ? 0.5 : 1;
        }
        return width > TITLE_LINE_CHARACTERS;
    }

    /** The title after the unit's name. */
    public String titleAfterName() {
        return tables.year() + "年政府信息公开工作年度报告";
    }

    public boolean isSummary() {
        return StatutoryTables.SCOPE_SUMMARY.equals(tables.scope());
    }

    /** A report with passages still to be written by the office is a draft, not fit to publish. */
    public boolean isDraft() {
        return narrative.isDraft();
    }

    /** Table 二 cell, exact and plain (the fee amount keeps all its decimals). */
    public String table2Cell(String rowKey, String columnKey) {
        return tables.table2().get(rowKey, columnKey).toPlainString();
    }

    public String table3Cell(int row, int column) {
        return Long.toString(tables.table3().get(row, column));
    }

    public String table4Cell(int row, int column) {
        return Long.toString(tables.table4().get(row, column));
    }
}

package org.disclosurereports.core.layout;



import org.disclosurereports.core.narrative.ReportNarrative;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Chinese names of tables, rows, columns and cells, from the layout, for findings an auditor reads. */
public final class CellNames {

    private static final Map<String, String> TABLES = Map.of("table2", "表二", "table3", "表三", "table4", "表四");

    private final Map<String, String> rows = new HashMap<>();
    private final Map<String, String> columns = new HashMap<>();

    public CellNames(ReportFormat format) {
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            for (ReportFormat.Table2Row r : block.rows()) {
                rows.put("table2." + r.key(), r.label());
            }
            for (ReportFormat.Column c : block.columns()) {
                columns.put("table2." + c.key(), c.label());
            }
        }
        for (GridShape shape : List.of(format.table3Shape(), format.table4Shape())) {
            for (GridShape.Row r : shape.rows()) {
                rows.put(shape.table() + "." + r.key(), r.label());
            }
            for (ReportFormat.Column c : shape.columns()) {
                columns.put(shape.table() + "." + c.key(), c.label());
            }
        }
        for (ReportFormat.Column kind : format.table4().kinds()) {
            rows.put("table4." + kind.key(), kind.group() == null ? kind.label() : kind.group() + "·" + kind.label());
        }
        // Table 三's leaf labels repeat under groups (1.… under 不予公开, 无法提供, …): name the group too.
        for (GridShape.Row r : format.table3Shape().rows()) {
            if (r.groups().size() > 1) {
                rows.put("table3." + r.key(), r.groups().get(r.groups().size() - 1) + r.label());
            }
        }
    }

    public String table(String table) {
        return TABLES.getOrDefault(table, table);
    }

    public String row(String table, String row) {
        return rows.getOrDefault(table + "." + row, row);
    }

    public String column(String table, String column) {
        return columns.getOrDefault(table + "." + column, column);
    }

    /** e.g. 表四“行政复议·总计”, 表三“（一）予以公开·自然人”. */
    public String cell(String ref) {
        if (ReportNarrative.PROCESSING_FEES_REF.equals(ref)) {
            return "信息处理费（元）";
        }
        String[] p = ref.split("\\.");
        if (p.length != 3) {
            return ref;
        }
        return table(p[0]) + "“" + row(p[0], p[1]) + "·" + column(p[0], p[2]) + "”";
    }
}

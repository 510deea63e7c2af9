package org.disclosurereports.core.layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of tables, rows, columns and cells, from the layout ({@link ReportFormat}), so that a
 * person reads 本年新收政府信息公开申请数量 / 自然人, not new_received / natural_person: in findings,
 * evidence and the differences of a sealed report.
 */
public final class CellNames {

    private static final Map<String, String> TABLES = Map.of("table2", "表二", "table3", "表三", "table4", "表四");

    /** Labels as the layout prints them, by table, then row or column key. */
    private final Map<String, Map<String, String>> labels = new HashMap<>();
    /** Row names that say which group a repeated label sits under. */
    private final Map<String, String> qualifiedRows = new HashMap<>();

    public CellNames(ReportFormat format) {
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            for (ReportFormat.Table2Row r : block.rows()) {
                put("table2", r.key(), r.label());
            }
            for (ReportFormat.Column c : block.columns()) {
                put("table2", c.key(), c.label());
            }
        }
        for (GridShape shape : List.of(format.table3Shape(), format.table4Shape())) {
            for (GridShape.Row r : shape.rows()) {
                put(shape.table(), r.key(), r.label());
            }
            for (ReportFormat.Column c : shape.columns()) {
                put(shape.table(), c.key(), c.label());
            }
        }
        for (ReportFormat.Column kind : format.table4().kinds()) {
            if (kind.group() != null) {
                qualifiedRows.put(key("table4", kind.key()), kind.group() + "·" + kind.label());
            }
        }
        // Table 三's leaf labels repeat under groups (1.… under 不予公开, 无法提供, …): name the group too.
        for (GridShape.Row r : format.table3Shape().rows()) {
            if (r.groups().size() > 1) {
                qualifiedRows.put(key("table3", r.key()), r.groups().get(r.groups().size() - 1) + r.label());
            }
        }
    }

    private void put(String table, String key, String label) {
        labels.computeIfAbsent(table, t -> new HashMap<>()).putIfAbsent(key, label);
    }

    private static String key(String table, String key) {
        return table + "\u0000" + key;
    }

    /** The label the layout prints for a row or column key of a table; "" when it has none. */
    public String label(String table, String key) {
        return labels.getOrDefault(table, Map.of()).getOrDefault(key, "");
    }

    /** 表二, 表三, 表四. */
    public String table(String table) {
        return TABLES.getOrDefault(table, table);
    }

    /** A row's label, with its group where the label alone repeats (（三）不予公开1.属于国家秘密); the key if unknown. */
    public String row(String table, String row) {
        String qualified = qualifiedRows.get(key(table, row));
        if (qualified != null) {
            return qualified;
        }
        String label = label(table, row);
        return label.isEmpty() ? row : label;
    }

    public String column(String table, String column) {
        String label = label(table, column);
        return label.isEmpty() ? column : label;
    }

    /** e.g. 表四“行政复议·总计”, 表三“（一）予以公开·自然人”; text that names no cell is returned as it is. */
    public String cell(String ref) {
        if (CellRef.PROCESSING_FEES.equals(ref)) {
            return "信息处理费（元）";
        }
        if (!CellRef.isCell(ref)) {
            return ref;
        }
        return cell(CellRef.parse(ref));
    }

    public String cell(CellRef ref) {
        return table(ref.table()) + "“" + row(ref.table(), ref.row()) + "·" + column(ref.table(), ref.column()) + "”";
    }
}

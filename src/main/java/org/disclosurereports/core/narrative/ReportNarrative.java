package org.disclosurereports.core.narrative;

import org.disclosurereports.core.figures.FiguresSource;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The narrative sections of a report (一, 五, 六 of the current format), as paragraphs of parts.
 * <p>
 * A part is plain text, a figure, or a passage the disclosure office still has to write. A figure
 * never carries a number of its own: it names the table cells it states ({@code table3.granted.total})
 * and its value is computed from them when the narrative is built, so identity F (text equals table)
 * holds by construction and an auditor can re-check it from the {@code data-cell} references in the
 * HTML. A figure naming several cells states their sum (e.g. all 不予公开 rows).
 * <p>
 * Passages with no records behind them (政府信息管理, 平台建设, 监督保障, problems, other matters) are
 * {@link ToWrite} parts: the pipeline does not invent them, and a report containing any is a draft.
 */
public record ReportNarrative(Map<String, List<Paragraph>> sections) {

    /** The sub-sections of section 一 (layout keys) whose text is generated from tables 二 and 三. */
    public static final String PROACTIVE_SLOT = "proactive";
    public static final String REQUESTS_SLOT = "requests";
    /** The paragraph of section 六 on the 信息处理费: stated from the figure, or left to write when unknown. */
    public static final String PROCESSING_FEES_SLOT = "processing_fees";
    /** The paragraph opening section 一 of a unit without data for the year. */
    public static final String NO_DATA_SLOT = "no_data";

    public ReportNarrative {
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    public sealed interface Part permits Text, Figure, ToWrite {
        /** {@code text}, {@code figure} or {@code to-write}: what the template switches on. */
        String kind();

        /** The part as it reads in the report. */
        String text();
    }

    public record Text(String text) implements Part {
        @Override
        public String kind() {
            return "text";
        }
    }

    /**
     * A number stated in the text: {@code value} is the sum of the cells in {@code cells}, printed
     * plain (never rounded, never grouped).
     */
    public record Figure(String value, List<String> cells) implements Part {
        public Figure {
            cells = List.copyOf(cells);
        }

        @Override
        public String kind() {
            return "figure";
        }

        @Override
        public String text() {
            return value;
        }

        /** The cell references, space-separated, as printed in {@code data-cell}. */
        public String cellRef() {
            return String.join(" ", cells);
        }
    }

    /** A passage the office must write before publication. {@code what} says what belongs there. */
    public record ToWrite(String what) implements Part {
        @Override
        public String kind() {
            return "to-write";
        }

        @Override
        public String text() {
            return "【待填写：" + what + "】";
        }
    }

    /**
     * @param heading a sub-heading such as （一）主动公开, or null
     * @param slot    the layout's key of the sub-section of section 一 the paragraph stands for
     *                ({@code supervision} …), or null
     */
    public record Paragraph(String heading, List<Part> parts, String slot) {
        public Paragraph {
            parts = List.copyOf(parts);
        }

        public Paragraph(String heading, List<Part> parts) {
            this(heading, parts, null);
        }

        public String text() {
            StringBuilder sb = new StringBuilder();
            parts.forEach(p -> sb.append(p.text()));
            return sb.toString();
        }
    }

    /** The paragraphs of a section (by layout key); empty for table sections. */
    public List<Paragraph> section(String key) {
        return sections.getOrDefault(key, List.of());
    }

    /** True while any passage is still to be written by the office. */
    public boolean isDraft() {
        return !toWrite().isEmpty();
    }

    /** What is still to be written, in report order. */
    public List<String> toWrite() {
        List<String> missing = new ArrayList<>();
        for (List<Paragraph> paragraphs : sections.values()) {
            for (Paragraph p : paragraphs) {
                for (Part part : p.parts()) {
                    if (part instanceof ToWrite w) {
                        missing.add(w.what());
                    }
                }
            }
        }
        return missing;
    }

    /** Every figure in the narrative, in report order. */
    public List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        sections.values().forEach(ps -> ps.forEach(p -> p.parts().forEach(part -> {
            if (part instanceof Figure f) {
                figures.add(f);
            }
        })));
        return figures;
    }

    /** Builds the narrative of one report from its tables. */
    public static ReportNarrative of(ReportFormat format, StatutoryTables tables) {
        return of(format, tables, FiguresSource.RECORDS);
    }

    /**
     * As {@link #of(ReportFormat, StatutoryTables)}, for figures from {@code source}: a unit without
     * data ({@link FiguresSource#NONE}) opens section 一 saying so, as something the office must
     * settle, so its zeros never read as findings and the report stays a draft.
     */
    public static ReportNarrative of(ReportFormat format, StatutoryTables tables, FiguresSource source) {
        ReportNarrative n = new Builder(format, tables).build();
        if (source != FiguresSource.NONE || !n.sections.containsKey("overview")) {
            return n;
        }
        Map<String, List<Paragraph>> sections = new LinkedHashMap<>(n.sections);
        List<Paragraph> overview = new ArrayList<>();
        overview.add(new Paragraph(null, List.of(new ToWrite(noDataText(tables.year()))), NO_DATA_SLOT));
        overview.addAll(n.section("overview"));
        sections.put("overview", overview);
        return new ReportNarrative(sections);
    }

    /** What a report of a unit without data says in its place. */
    public static String noDataText(int year) {
        return "本单位" + year + "年无数据：未提交报表，记录中也没有本年度发生的事项，各表中的0并非统计结果；"
                + "请补录记录或提交报表（确无事项的，提交数值为0的报表）后重新生成";
    }

    private static final class Builder {

        private static final Pattern ORDINAL = Pattern.compile("^（[一二三四五六七八九十]+）");
        private static final Pattern QUALIFIER = Pattern.compile("（.*）$");

        private final ReportFormat format;
        private final StatutoryTables tables;
        private final GridShape table3;
        private final String total3;

        Builder(ReportFormat format, StatutoryTables tables) {
            this.format = format;
            this.tables = tables;
            this.table3 = format.table3Shape();
            this.total3 = table3.columns().stream().filter(ReportFormat.Column::computed).map(ReportFormat.Column::key)
                    .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("table3 has no total column"));
        }

        ReportNarrative build() {
            Map<String, List<Paragraph>> sections = new LinkedHashMap<>();
            for (ReportFormat.Section s : format.sections()) {
                if (s.table() != null) {
                    continue;
                }
                sections.put(s.key(), switch (s.key()) {
                    case "overview" -> overview();
                    case "problems" -> List.of(new Paragraph(null, List.of(
                            new ToWrite("本年度政府信息公开工作存在的主要问题及具体改进措施（须结合本年度实际，不得照搬上年度内容）"))));
                    case "other" -> other();
                    // A section added by a format revision: nothing is known about it, so nothing is claimed.
                    default -> List.of(new Paragraph(null, List.of(new ToWrite(headingText(s.heading())))));
                });
            }
            return new ReportNarrative(sections);
        }

        /**
         * The layout's sub-sections in order: 主动公开 and 依申请公开 restate tables 二 and 三, every
         * other one is left for the office to write.
         */
        private List<Paragraph> overview() {
            List<Paragraph> out = new ArrayList<>();
            for (ReportFormat.OverviewSlot slot : format.overviewSlots()) {
                List<Part> parts = switch (slot.key()) {
                    case PROACTIVE_SLOT -> proactive();
                    case REQUESTS_SLOT -> requests();
                    default -> List.of(new ToWrite(slot.toWrite() != null ? slot.toWrite() : headingText(slot.heading())));
                };
                out.add(new Paragraph(slot.heading(), parts, slot.key()));
            }
            return out;
        }

        /**
         * Restates table 二 clause by clause: one clause per column key (制发, 废止, 现行有效,
         * 处理决定, 收费金额), listing the rows that have that column, in layout order.
         */
        private List<Part> proactive() {
            Map<String, List<Part>> clauses = new LinkedHashMap<>();
            for (ReportFormat.Table2Block block : format.table2().blocks()) {
                for (ReportFormat.Column column : block.columns()) {
                    List<Part> clause = clauses.computeIfAbsent(column.key(), k -> new ArrayList<>());
                    for (ReportFormat.Table2Row row : block.rows()) {
                        if (!clause.isEmpty()) {
                            clause.add(new Text("、"));
                        }
                        String ref = CellRef.of("table2", row.key(), column.key()).toString();
                        switch (column.key()) {
                            case "decisions" -> {
                                clause.add(new Text(row.label() + "决定"));
                                clause.add(figure(ref));
                                clause.add(new Text("件"));
                            }
                            case "amount_wan_yuan" -> {
                                clause.add(new Text(row.label()));
                                clause.add(figure(ref));
                                clause.add(new Text("万元"));
                            }
                            default -> {
                                clause.add(new Text(row.label()));
                                clause.add(figure(ref));
                                // A decimal column is an amount, stated in 万元 in every layout (采购总金额 of 2019 too).
                                clause.add(new Text(column.decimal() ? "万元" : "件"));
                            }
                        }
                    }
                }
            }
            List<Part> parts = new ArrayList<>();
            int year = tables.year();
            for (Map.Entry<String, List<Part>> clause : clauses.entrySet()) {
                String lead = switch (clause.getKey()) {
                    case "made" -> "本年度制发";
                    case "repealed" -> "废止";
                    case "valid" -> "截至" + year + "年12月31日，现行有效";
                    case "decisions" -> "本年度作出";
                    case "amount_wan_yuan" -> "本年度收取";
                    default -> labelOf(clause.getKey()) + "：";
                };
                parts.add(new Text((parts.isEmpty() ? "" : "；") + lead));
                parts.addAll(clause.getValue());
            }
            parts.add(new Text("。"));
            return merge(parts);
        }

        private String labelOf(String columnKey) {
            return format.table2().blocks().stream().flatMap(b -> b.columns().stream())
                    .filter(c -> c.key().equals(columnKey)).map(ReportFormat.Column::label).findFirst().orElse(columnKey);
        }

        /** Table 三 in words, every number a reference to its cells in the total column. */
        private List<Part> requests() {
            List<Part> parts = new ArrayList<>();
            parts.add(new Text("本年度新收政府信息公开申请"));
            parts.add(figure(cell("new_received")));
            parts.add(new Text("件"));
            applicantBreakdown(parts);
            parts.add(new Text("；上年结转政府信息公开申请"));
            parts.add(figure(cell("carried_over")));
            parts.add(new Text("件。本年度办结"));
            parts.add(figure(cell("total_processed")));
            parts.add(new Text("件，其中"));
            boolean first = true;
            for (Map.Entry<String, List<String>> group : resultGroups().entrySet()) {
                parts.add(new Text((first ? "" : "、") + group.getKey()));
                parts.add(new Figure(sum(group.getValue()), group.getValue()));
                parts.add(new Text("件"));
                first = false;
            }
            parts.add(new Text("；结转下年度继续办理"));
            parts.add(figure(cell("carried_forward")));
            parts.add(new Text("件。"));
            return merge(parts);
        }

        /** 其中自然人X件、法人或其他组织Y件: derived from the column groups of the layout. */
        private void applicantBreakdown(List<Part> parts) {
            Map<String, List<String>> byApplicant = new LinkedHashMap<>();
            for (ReportFormat.Column c : table3.columns()) {
                if (c.computed()) {
                    continue;
                }
                String name = c.group() != null ? c.group() : c.label();
                byApplicant.computeIfAbsent(name, k -> new ArrayList<>()).add(CellRef.of("table3", "new_received", c.key()).toString());
            }
            if (byApplicant.size() < 2) {
                return;
            }
            parts.add(new Text("（其中"));
            boolean first = true;
            for (Map.Entry<String, List<String>> e : byApplicant.entrySet()) {
                parts.add(new Text((first ? "" : "、") + e.getKey()));
                parts.add(new Figure(sum(e.getValue()), e.getValue()));
                parts.add(new Text("件"));
                first = false;
            }
            parts.add(new Text("）"));
        }

        /**
         * The result rows by printed group: 予以公开, 部分公开, 不予公开 (its 8 rows), 无法提供, 不予处理,
         * 其他处理. A row directly under 三、本年度办理结果 is its own group; deeper rows belong to their
         * second-level merged label. Names come from the labels without ordinal or qualifier.
         */
        private Map<String, List<String>> resultGroups() {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (GridShape.Row row : table3.outcomeRows()) {
                String label = row.groups().size() > 1 ? row.groups().get(1) : row.label();
                groups.computeIfAbsent(shortName(label), k -> new ArrayList<>()).add(CellRef.of("table3", row.key(), total3).toString());
            }
            return groups;
        }

        private static String shortName(String label) {
            return QUALIFIER.matcher(ORDINAL.matcher(label).replaceFirst("")).replaceFirst("");
        }

        private String cell(String row) {
            return CellRef.of("table3", row, total3).toString();
        }

        private List<Paragraph> other() {
            List<Part> fee = new ArrayList<>();
            BigDecimal fees = tables.processingFeesYuan();
            if (fees == null) {
                // A return does not state it, and no record of a unit without data does.
                fee.add(new ToWrite("本年度收取信息处理费情况（无记录）"));
            } else if (fees.signum() == 0) {
                fee.add(new Text("本年度未收取信息处理费（"));
                fee.add(new Figure("0", List.of(CellRef.PROCESSING_FEES)));
                fee.add(new Text("元）。"));
            } else {
                fee.add(new Text("本年度依据《政府信息公开信息处理费管理办法》收取信息处理费"));
                fee.add(figure(CellRef.PROCESSING_FEES));
                fee.add(new Text("元。"));
            }
            return List.of(
                    new Paragraph(null, fee, PROCESSING_FEES_SLOT),
                    new Paragraph(null, List.of(new ToWrite("本年度政务公开工作要点落实情况及其他需要报告的事项"))));
        }

        private Figure figure(String ref) {
            return new Figure(tables.value(ref).toPlainString(), List.of(ref));
        }

        private String sum(List<String> refs) {
            BigDecimal total = BigDecimal.ZERO;
            for (String ref : refs) {
                total = total.add(tables.value(ref));
            }
            return total.toPlainString();
        }

        private static String headingText(String heading) {
            int i = heading.indexOf('、');
            return i >= 0 ? heading.substring(i + 1) : heading;
        }

        /** Joins adjacent text parts, so the template prints each run of prose once. */
        private static List<Part> merge(List<Part> parts) {
            List<Part> merged = new ArrayList<>();
            for (Part p : parts) {
                if (p instanceof Text t && t.text().isEmpty()) {
                    continue;
                }
                if (p instanceof Text t && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Text prev) {
                    merged.set(merged.size() - 1, new Text(prev.text() + t.text()));
                } else {
                    merged.add(p);
                }
            }
            return merged;
        }
    }
}

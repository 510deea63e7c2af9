package org.disclosurereports.render;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <out>/<year>/index.html}: every report of the year with its key figures, status and links,
 * and what happened to each input file. Rendered from {@code index.ftlh}; filtering and sorting are
 * a small inline script, and the page reads fine without it.
 */
public final class IndexPage {

    static final String INDEX_TEMPLATE = "index.ftlh";

    private final ReportFormat format;
    private final Templates templates;

    public IndexPage(ReportFormat format, Templates templates) {
        this.format = Objects.requireNonNull(format, "format");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** A key figure of a report as the index lists it ({@link ReportFormat#indexFigures()}). */
    public record KeyFigure(String key, String label, long value) {}

    /**
     * One report in the list, with the key figures the layout names for the index (table 三's 总计
     * column, table 四's 总计 for 行政复议 and 行政诉讼 in the current format).
     *
     * @param summary       true for a summary (汇总) report, false for an agency's own (单位)
     * @param figures       the layout's index figures, in column order
     * @param draft         true while the report still has passages to be written
     * @param treePath      sort key placing the entry in the agency tree (codes from the root, joined by U+0001)
     * @param depth         0 for a root, 1 for its children …
     * @param parentName    the parent agency's name, or null for a root
     * @param dataSource    where a unit's figures came from: records, return, none (no data for the year); null if unknown
     * @param checkFailures failures of the checks run on the report (the blocking findings of its validation.json); null if not checked
     */
    public record IndexEntry(String agencyCode, String agencyName, boolean summary, List<KeyFigure> figures, boolean draft,
                             String treePath, int depth, String parentName, String dataSource, List<String> checkFailures) {

        public IndexEntry {
            Objects.requireNonNull(agencyCode, "agencyCode");
            Objects.requireNonNull(agencyName, "agencyName");
            figures = List.copyOf(figures);
            treePath = treePath == null ? agencyCode : treePath;
            checkFailures = checkFailures == null ? null : List.copyOf(checkFailures);
        }

        /** The same entry placed in the agency tree, with its data source and check results. */
        public IndexEntry placed(String treePath, int depth, String parentName, String dataSource, List<String> checkFailures) {
            return new IndexEntry(agencyCode, agencyName, summary, figures, draft, treePath, depth, parentName, dataSource, checkFailures);
        }

        /** The value of the index figure {@code key}. */
        public long figure(String key) {
            return figures.stream().filter(f -> f.key().equals(key)).mapToLong(KeyFigure::value).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no index figure " + key));
        }

        /** No records and no return for the year: the report is all zeros because nothing was given. */
        public boolean missingData() {
            return "none".equals(dataSource);
        }

        public boolean fromReturn() {
            return "return".equals(dataSource);
        }

        public boolean checked() {
            return checkFailures != null;
        }

        public boolean checksPassed() {
            return checkFailures != null && checkFailures.isEmpty();
        }

        /** As {@link #of(ReportFormat, StatutoryTables, boolean)} with {@link ReportFormat#current()}. */
        public static IndexEntry of(StatutoryTables tables, boolean draft) {
            return of(ReportFormat.current(), tables, draft);
        }

        public static IndexEntry of(ReportFormat format, StatutoryTables tables, boolean draft) {
            List<KeyFigure> figures = new ArrayList<>();
            for (ReportFormat.IndexFigure f : format.indexFigures()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (String cell : f.cells()) {
                    sum = sum.add(tables.value(cell));
                }
                figures.add(new KeyFigure(f.key(), f.label(), sum.longValueExact()));
            }
            return new IndexEntry(tables.agencyCode(), tables.agencyName(), StatutoryTables.SCOPE_SUMMARY.equals(tables.scope()),
                    figures, draft, null, 0, null, null, null);
        }

        /** Report files relative to the index page. */
        public String htmlLink() {
            return dir() + "report.html";
        }

        public String pdfLink() {
            return dir() + "report.pdf";
        }

        public String tablesLink() {
            return dir() + "tables.json";
        }

        /** The editable Word report an office hands in. */
        public String docxLink() {
            return dir() + "report.docx";
        }

        /** The report's tables as a workbook, one sheet per table. */
        public String workbookLink() {
            return dir() + "tables.xlsx";
        }

        /** A summary sits beside the agency's own report, in a directory no agency code can take. */
        private String dir() {
            return agencyCode + (summary ? "/summary/" : "/");
        }

        /** The report's validation page (the audit rule catalogue on it). */
        public String validationLink() {
            return dir() + "validation.html";
        }

        /** The internal drill-down from figures to records. */
        public String evidenceLink() {
            return agencyCode + "/evidence/index.html";
        }
    }

    /**
     * What the run made of one input file.
     *
     * @param rejectsPath the rejects file relative to the index page (e.g. {@code rejects/applications.csv}),
     *                    or null when nothing was rejected
     */
    public record InputFileLine(String file, long read, long loaded, long rejected, String rejectsPath) {
        public InputFileLine {
            Objects.requireNonNull(file, "file");
        }
    }

    /** A report the run could not build, with the reason. */
    /**
     * @param reason why, as the run recorded it (run-summary.json, stderr): the page prints
     *               {@link #reasonZh()} and keeps this as the technical detail
     */
    public record FailedReport(String agencyCode, String agencyName, boolean summary, String reason) {

        private static final Pattern TEMPLATE = Pattern.compile("^" + TemplateBroken.PREFIX + "(.+), line (\\d+), column (\\d+): ");
        private static final Pattern INCOMPLETE = Pattern.compile("^incomplete: no report for (.+?) \\(its build failed\\)");

        /** The reason in Chinese, by the kind of fault: the template, a unit below a summary, or the unit's data. */
        public String reasonZh() {
            Matcher t = TEMPLATE.matcher(reason);
            if (t.find()) {
                return "页面模板有误：" + t.group(1) + " 第" + t.group(2) + "行第" + t.group(3) + "列。请修改该模板（或不再用 --templates 指定它）后重新运行；数据无需修改。";
            }
            Matcher i = INCOMPLETE.matcher(reason);
            if (i.find()) {
                return "所汇总的单位（" + String.join("、", i.group(1).split(",\\s*")) + "）的报告未能生成，汇总报告会缺少其数字，因此未生成。请先解决该单位的问题。";
            }
            return "该单位的数据有误，报告未能生成。请按技术信息所指的文件、行和单元格修正数据后重新运行。";
        }

        /** True when the fault is a page template's, not the data's. */
        public boolean templateFault() {
            return reason.startsWith(TemplateBroken.PREFIX);
        }
    }

    public String html(int year, List<IndexEntry> entries, List<InputFileLine> inputs) {
        return html(year, entries, inputs, List.of(), Map.of());
    }

    /**
     * Entries are listed in tree order (a summary before its agency's own report, then the children),
     * by code among siblings, so the page is the same whatever order reports finished in.
     *
     * @param sealed agencies whose report is sealed (published), with how many figures differ now from
     *               the published ones (0: none; the differences are in CODE/sealed-differences.csv)
     */
    public String html(int year, List<IndexEntry> entries, List<InputFileLine> inputs, List<FailedReport> failed,
                       Map<String, Integer> sealed) {
        List<IndexEntry> sorted = entries.stream().sorted(Comparator.comparing(IndexEntry::treePath)
                .thenComparing(e -> !e.summary()).thenComparing(IndexEntry::agencyCode)).toList();
        long drafts = sorted.stream().filter(IndexEntry::draft).count();
        long missing = sorted.stream().filter(IndexEntry::missingData).count();
        long rejected = inputs.stream().mapToLong(InputFileLine::rejected).sum();
        return templates.render(INDEX_TEMPLATE, Map.of(
                "year", year,
                "keyFigures", format.indexFigures(),
                "entries", sorted,
                "inputs", List.copyOf(inputs),
                "drafts", drafts,
                "rejected", rejected,
                "missing", missing,
                "failed", List.copyOf(failed),
                "sealed", Map.copyOf(sealed)));
    }
}

package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.core.records.Disclosure;
import org.disclosurereports.core.records.Vocabulary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.disclosurereports.inputs.RecordKind.Column.agency;
import static org.disclosurereports.inputs.RecordKind.Column.optional;
import static org.disclosurereports.inputs.RecordKind.Column.required;

/**
 * The input files of the data contract (shared/spec/data-contract.md section 1), as data. The
 * enumerations of applications, appeals, filings and enforcement figures come from the report format,
 * so that a format revision that adds a result row or a row of table 二 also extends what the inputs accept.
 */
public final class InputSchema {

    public static final String AGENCIES = "agencies";
    public static final String APPLICATIONS = "applications";
    public static final String FILINGS = "filings";
    public static final String ENFORCEMENT = "enforcement";
    public static final String APPEALS = "appeals";
    // Submitted returns: figures of units without records; see addReturnKinds.
    public static final String RETURNS_TABLE2 = "returnsTable2";
    public static final String RETURNS_TABLE3 = "returnsTable3";
    public static final String RETURNS_TABLE4 = "returnsTable4";

    /** Files of the contract that later features read; a run accepts them without loading them. */
    public static final List<String> RECOGNISED_LATER = List.of();

    // ---- work plans, deadlines and narrative ----
    public static final String TRAININGS = "trainings";
    public static final String HEARINGS = "hearings";
    /** Global, not per agency: an office's corrections to the shipped working-day calendar. */
    public static final String HOLIDAYS = "holidays";

    private static final List<String> INTERPRETATION_FORMS = List.of("文字", "图解", "音视频", "新闻发布会", "专家解读", "其他");

    private final Map<String, RecordKind> kinds = new LinkedHashMap<>();

    /** The inputs of one layout. */
    public InputSchema(ReportFormat format) {
        this(format, ownOutcomes(format), format.documentCategories(), format.enforcementItems(), Map.of());
    }

    /**
     * The inputs of every layout known: records are kept in one vocabulary for all years, so the outcomes,
     * document categories and enforcement items are those any layout counts; submitted returns, which name
     * cells, are in the newest layout.
     */
    public InputSchema(ReportFormats formats) {
        this(formats.newest(), formats.outcomes(), formats.documentCategories(), formats.enforcementItems(), formats.olderLabels());
    }

    private static Map<String, String> ownOutcomes(ReportFormat format) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        format.table3Shape().ownOutcomeRows().forEach(r -> outcomes.put(r.key(), r.label()));
        return outcomes;
    }

    private InputSchema(ReportFormat format, Map<String, String> outcomes, List<ReportFormat.Term> documentCategories,
                        List<ReportFormat.Term> enforcementItems, Map<String, String> olderLabels) {
        GridShape t3 = format.table3Shape();
        GridShape t4 = format.table4Shape();
        Map<String, String> applicantTypes = new LinkedHashMap<>();
        t3.columns().stream().filter(c -> !c.computed()).forEach(c -> applicantTypes.put(c.key(), c.label()));
        Map<String, String> caseKinds = new LinkedHashMap<>();
        t4.rows().forEach(r -> caseKinds.put(r.key(), r.label()));
        Map<String, String> caseResults = new LinkedHashMap<>();
        t4.columns().stream().filter(ReportFormat.Column::result).forEach(c -> caseResults.put(c.key(), c.label()));
        Set<String> amountItems = enforcementItems.stream().filter(ReportFormat.Term::amount)
                .map(ReportFormat.Term::key).collect(Collectors.toSet());

        add(new RecordKind(AGENCIES, "agencies.csv", "agency", List.of(
                required("agency_code", FieldType.CODE),
                required("name", FieldType.text(200)),
                optional("parent_code", FieldType.CODE),
                optional("level", FieldType.text(50)).storedAs("agency_level"),
                optional("report_url", FieldType.text(300)),
                optional("contact_office", FieldType.text(200)),
                optional("contact_address", FieldType.text(300)),
                optional("contact_phone", FieldType.text(100))),
                List.of("agency_code"), List.of()));

        add(new RecordKind(APPLICATIONS, "applications.csv", "application", List.of(
                required("application_id", FieldType.text(100)),
                agency("agency_code"),
                required("received_date", FieldType.DATE),
                required("applicant_type", FieldType.vocabulary(applicantTypes)),
                optional("closed_date", FieldType.DATE),
                optional("outcome", FieldType.vocabulary(outcomes, unnumbered(outcomes))),
                optional("extended", FieldType.YES_NO),
                optional("fee_yuan", FieldType.decimal(14, 2))),
                List.of("agency_code", "application_id"),
                List.of(notBefore("closed_date", "received_date"),
                        requiredExactlyWhenClosed("outcome", "closed_date", "the application"))));

        add(new RecordKind(FILINGS, "filings.csv", "document", List.of(
                required("document_id", FieldType.text(100)),
                agency("agency_code"),
                optional("doc_number", FieldType.text(200)),
                required("title", FieldType.text(1000)),
                required("category", vocabulary(documentCategories, olderLabels)),
                required("issued_date", FieldType.DATE),
                required("disclosure", vocabulary(Disclosure.values())),
                optional("published_date", FieldType.DATE),
                optional("repealed_date", FieldType.DATE),
                optional("interpretation_date", FieldType.DATE),
                optional("interpretation_forms", FieldType.list(INTERPRETATION_FORMS))),
                List.of("document_id"),
                List.of(notBefore("repealed_date", "issued_date"))));

        add(new RecordKind(ENFORCEMENT, "enforcement.csv", "enforcement_figure", List.of(
                agency("agency_code"),
                required("year", FieldType.YEAR).storedAs("report_year"),
                required("item", vocabulary(enforcementItems, olderLabels)),
                required("value", FieldType.decimal(24, 6)).storedAs("figure"),
                // The item count the 2019 layout prints (上一年项目数量, 本年增/减, 采购项目数量).
                optional("items", FieldType.COUNT).storedAs("item_count")),
                List.of("agency_code", "report_year", "item"),
                List.of((values, reject) -> {
                    // Decisions are counted; only 行政事业性收费 is an amount (万元, up to 6 decimals).
                    Object item = values.get("item");
                    if (item != null && !amountItems.contains(item)
                            && values.get("value") instanceof BigDecimal v && v.stripTrailingZeros().scale() > 0) {
                        reject.accept("value", "the number of decisions must be a whole number");
                    }
                })));

        add(new RecordKind(APPEALS, "appeals.csv", "appeal_case", List.of(
                required("case_id", FieldType.text(100)),
                agency("agency_code"),
                required("kind", FieldType.vocabulary(caseKinds)),
                required("filed_date", FieldType.DATE),
                optional("closed_date", FieldType.DATE),
                optional("result", FieldType.vocabulary(caseResults))),
                List.of("agency_code", "case_id"),
                List.of(notBefore("closed_date", "filed_date"),
                        requiredExactlyWhenClosed("result", "closed_date", "the case"))));

        // ---- work plans, deadlines and narrative: trainings, hearings, holidays ----
        add(new RecordKind(TRAININGS, "trainings.csv", "training", List.of(
                required("training_id", FieldType.text(100)),
                agency("agency_code"),
                required("date", FieldType.DATE).storedAs("training_date"),
                required("title", FieldType.text(500)),
                required("kind", FieldType.vocabulary(ordered(
                        "general", "通识培训", "specialist", "专业培训", "other", "其他"))),
                optional("attendees", FieldType.COUNT)),
                List.of("agency_code", "training_id"), List.of()));

        add(new RecordKind(HEARINGS, "hearings.csv", "hearing", List.of(
                required("hearing_id", FieldType.text(100)),
                agency("agency_code"),
                required("date", FieldType.DATE).storedAs("hearing_date"),
                required("title", FieldType.text(500)),
                required("kind", FieldType.vocabulary(ordered(
                        "leadership_briefing", "听取汇报", "public_hearing", "听证会", "forum", "座谈会",
                        "public_attendance", "公众列席", "open_day", "开放活动"))),
                optional("participants", FieldType.COUNT)),
                List.of("agency_code", "hearing_id"), List.of()));

        add(new RecordKind(HOLIDAYS, "holidays.csv", "holiday", List.of(
                required("date", FieldType.DATE).storedAs("holiday_date"),
                required("kind", FieldType.vocabulary(ordered("holiday", "休息日", "workday", "工作日")))),
                List.of("holiday_date"), List.of()));

        addReturnKinds(format);
    }

    /** key, label, key, label … in listing order. */
    private static Map<String, String> ordered(String... keysAndLabels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            m.put(keysAndLabels[i], keysAndLabels[i + 1]);
        }
        return m;
    }

    /**
     * Submitted returns: per agency and year, the figures of tables 二, 三 and 四 of a unit that has
     * no case system. Rows and columns are the layout's keys or exact labels; total rows and columns
     * are accepted too, but only to be checked against the totals computed from the parts.
     */
    private void addReturnKinds(ReportFormat format) {
        Map<String, String> t2Rows = new LinkedHashMap<>();
        Map<String, String> t2Columns = new LinkedHashMap<>();
        Map<String, Set<String>> t2ColumnsOfRow = new LinkedHashMap<>();
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                t2Rows.put(row.key(), row.label());
                Set<String> cols = new LinkedHashSet<>();
                block.columns().forEach(c -> {
                    t2Columns.putIfAbsent(c.key(), c.label());
                    cols.add(c.key());
                });
                t2ColumnsOfRow.put(row.key(), cols);
            }
        }
        Set<String> amountColumns = new HashSet<>();
        format.table2().blocks().forEach(b -> b.columns().stream().filter(ReportFormat.Column::decimal)
                .forEach(c -> amountColumns.add(c.key())));
        add(new RecordKind(RETURNS_TABLE2, "returns_table2.csv", "return_table2", List.of(
                agency("agency_code"),
                required("year", FieldType.YEAR).storedAs("report_year"),
                required("row", FieldType.vocabulary(t2Rows)).storedAs("row_key"),
                required("column", FieldType.vocabulary(t2Columns)).storedAs("column_key"),
                required("value", FieldType.decimal(24, 6)).storedAs("figure")),
                List.of("agency_code", "report_year", "row_key", "column_key"),
                List.of((values, reject) -> {
                    if (values.get("row") instanceof String row && values.get("column") instanceof String column) {
                        if (!t2ColumnsOfRow.get(row).contains(column)) {
                            reject.accept("column", "table 二 row " + row + " (" + t2Rows.get(row) + ") has no column " + column
                                    + "; its columns: " + String.join(", ", t2ColumnsOfRow.get(row)));
                        } else if (!amountColumns.contains(column) && values.get("value") instanceof BigDecimal v
                                && v.stripTrailingZeros().scale() > 0) {
                            reject.accept("value", "the number of " + column + " must be a whole number");
                        }
                    }
                })));

        GridShape t3 = format.table3Shape();
        add(new RecordKind(RETURNS_TABLE3, "returns_table3.csv", "return_table3", List.of(
                agency("agency_code"),
                required("year", FieldType.YEAR).storedAs("report_year"),
                required("row", FieldType.vocabulary(keyedLabels(t3.rows()), unnumbered(keyedLabels(t3.rows())))).storedAs("row_key"),
                required("applicant_type", FieldType.vocabulary(columnLabels(t3.columns()))),
                required("value", FieldType.COUNT).storedAs("figure")),
                List.of("agency_code", "report_year", "row_key", "applicant_type"), List.of()));

        GridShape t4 = format.table4Shape();
        add(new RecordKind(RETURNS_TABLE4, "returns_table4.csv", "return_table4", List.of(
                agency("agency_code"),
                required("year", FieldType.YEAR).storedAs("report_year"),
                required("kind", FieldType.vocabulary(keyedLabels(t4.rows()))),
                required("result", FieldType.vocabulary(columnLabels(t4.columns()))),
                required("value", FieldType.COUNT).storedAs("figure")),
                List.of("agency_code", "report_year", "kind", "result"), List.of()));
    }

    private static Map<String, String> keyedLabels(List<GridShape.Row> rows) {
        Map<String, String> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.key(), r.label()));
        return m;
    }

    private static Map<String, String> columnLabels(List<ReportFormat.Column> columns) {
        Map<String, String> m = new LinkedHashMap<>();
        columns.forEach(c -> m.put(c.key(), c.label()));
        return m;
    }

    private void add(RecordKind kind) {
        kinds.put(kind.name(), kind);
    }

    public List<RecordKind> kinds() {
        return List.copyOf(kinds.values());
    }

    public RecordKind kind(String name) {
        RecordKind k = kinds.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no record kind " + name);
        }
        return k;
    }

    public Optional<RecordKind> byFileName(String fileName) {
        return kinds.values().stream().filter(k -> k.fileName().equals(fileName)).findFirst();
    }

    private static FieldType vocabulary(Vocabulary[] values) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Vocabulary v : values) {
            choices.put(v.key(), v.label());
        }
        return FieldType.vocabulary(choices);
    }

    /** A vocabulary the layouts define (the rows of table 二 it stands for), with the labels older layouts print. */
    private static FieldType vocabulary(List<ReportFormat.Term> terms, Map<String, String> olderLabels) {
        Map<String, String> choices = new LinkedHashMap<>();
        terms.forEach(t -> choices.put(t.key(), t.label()));
        Map<String, String> aliases = new LinkedHashMap<>();
        olderLabels.forEach((label, key) -> {
            if (choices.containsKey(key)) {
                aliases.put(label, key);
            }
        });
        return FieldType.vocabulary(choices, aliases);
    }

    /**
     * Case systems often export a result without the numbering it has in table 三
     * (予以公开 for （一）予以公开, 重复申请 for 2.重复申请): accept those too, where unambiguous.
     */
    static Map<String, String> unnumbered(Map<String, String> choices) {
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        choices.forEach((key, label) -> {
            String bare = label.replaceFirst("^(（[一二三四五六七八九十]+）|\\d+\\.)", "");
            if (!bare.equals(label)) {
                aliases.put(bare, key);
                seen.merge(bare, 1, Integer::sum);
            }
        });
        seen.forEach((bare, n) -> {
            if (n > 1) {
                aliases.remove(bare);
            }
        });
        return aliases;
    }

    private static RecordKind.RowRule notBefore(String later, String earlier) {
        return (values, reject) -> {
            if (values.get(later) instanceof LocalDate l && values.get(earlier) instanceof LocalDate e && l.isBefore(e)) {
                reject.accept(later, "is before " + earlier + " (" + e + ")");
            }
        };
    }

    private static RecordKind.RowRule requiredExactlyWhenClosed(String column, String closedColumn, String what) {
        return (values, reject) -> {
            boolean closed = values.get(closedColumn) != null;
            boolean given = values.get(column) != null;
            if (closed && !given) {
                reject.accept(column, "required when " + closedColumn + " is given");
            } else if (!closed && given) {
                reject.accept(column, "must be blank while " + what + " is open (" + closedColumn + " blank)");
            }
        };
    }
}

package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.core.records.Disclosure;
import org.disclosurereports.core.records.Vocabulary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
        this(new ReportFormats(List.of(format)), ownOutcomes(format), format.documentCategories(), format.enforcementItems(), Map.of());
    }

    /**
     * The inputs of every layout known: records are kept in one vocabulary for all years, so the outcomes,
     * document categories and enforcement items are those any layout counts, and submitted returns may name
     * the cells of any layout, each row those of the layout of its year.
     */
    public InputSchema(ReportFormats formats) {
        this(formats, formats.outcomes(), formats.documentCategories(), formats.enforcementItems(), formats.olderLabels());
    }

    private static Map<String, String> ownOutcomes(ReportFormat format) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        format.table3Shape().ownOutcomeRows().forEach(r -> outcomes.put(r.key(), r.label()));
        return outcomes;
    }

    private InputSchema(ReportFormats formats, Map<String, String> outcomes, List<ReportFormat.Term> documentCategories,
                        List<ReportFormat.Term> enforcementItems, Map<String, String> olderLabels) {
        // Applicant types, case kinds and results are the same in every layout; the newest one names them.
        ReportFormat format = formats.newest();
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

        addReturnKinds(formats);
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
     * no case system. Rows and columns are keys or exact labels of the layouts' cells; total rows and
     * columns are accepted too, but only to be checked against the totals computed from the parts. The
     * files accept the cells of every layout (as records are kept in one vocabulary for all years), and
     * each row is checked against the layout of its year: a 2020 return names cells of the 2019 layout.
     */
    private void addReturnKinds(ReportFormats formats) {
        List<ReportFormat> newestFirst = new ArrayList<>(formats.all());
        Collections.reverse(newestFirst);
        Map<String, String> t2Rows = new LinkedHashMap<>();
        Map<String, String> t2Columns = new LinkedHashMap<>();
        for (ReportFormat f : newestFirst) {
            for (ReportFormat.Table2Block block : f.table2().blocks()) {
                block.rows().forEach(r -> t2Rows.putIfAbsent(r.key(), r.label()));
                block.columns().forEach(c -> t2Columns.putIfAbsent(c.key(), c.label()));
            }
        }
        add(new RecordKind(RETURNS_TABLE2, "returns_table2.csv", "return_table2", List.of(
                agency("agency_code"),
                required("year", FieldType.YEAR).storedAs("report_year"),
                required("row", unionVocabulary(newestFirst, f -> f.table2().blocks().stream().flatMap(b -> b.rows().stream())
                        .map(r -> Map.entry(r.key(), r.label())).toList(), false)).storedAs("row_key"),
                required("column", unionVocabulary(newestFirst, f -> f.table2().blocks().stream().flatMap(b -> b.columns().stream())
                        .map(c -> Map.entry(c.key(), c.label())).toList(), false)).storedAs("column_key"),
                // Signed: the 2019 layout's 本年增/减 falls when items were cut; the row rule allows it in such columns only.
                required("value", FieldType.signedDecimal(24, 6)).storedAs("figure")),
                List.of("agency_code", "report_year", "row_key", "column_key"),
                List.of(inLayoutOfItsYear(formats, (f, values, reject) -> {
                    if (!(values.get("row") instanceof String row) || !(values.get("column") instanceof String column)) {
                        return;
                    }
                    ReportFormat.Table2Block block = f.table2().blocks().stream()
                            .filter(b -> b.rows().stream().anyMatch(r -> r.key().equals(row))).findFirst().orElse(null);
                    if (block == null) {
                        reject.accept("row", "table 二 of " + layoutOf(f, values) + " has no row " + row + " (" + t2Rows.get(row)
                                + "); its rows: " + String.join(", ", f.table2().blocks().stream()
                                        .flatMap(b -> b.rows().stream()).map(ReportFormat.Table2Row::key).toList()));
                        return;
                    }
                    ReportFormat.Column col = block.columns().stream().filter(c -> c.key().equals(column)).findFirst().orElse(null);
                    BigDecimal value = values.get("value") instanceof BigDecimal v ? v : null;
                    if (col == null) {
                        reject.accept("column", "table 二 row " + row + " (" + t2Rows.get(row) + ") of " + layoutOf(f, values)
                                + " has no column " + column + " (" + t2Columns.get(column) + "); its columns: "
                                + String.join(", ", block.columns().stream().map(ReportFormat.Column::key).toList()));
                    } else if (value != null && !col.decimal() && value.stripTrailingZeros().scale() > 0) {
                        reject.accept("value", "the number of " + column + " must be a whole number");
                    } else if (value != null && !col.signed() && value.signum() < 0) {
                        reject.accept("value", "the number of " + column + " cannot be negative");
                    }
                }))));

        add(new RecordKind(RETURNS_TABLE3, "returns_table3.csv", "return_table3", List.of(
                agency("agency_code"),
                required("year", FieldType.YEAR).storedAs("report_year"),
                required("row", unionVocabulary(newestFirst, f -> entries(f.table3Shape().rows()), true)).storedAs("row_key"),
                required("applicant_type", unionVocabulary(newestFirst, f -> columnEntries(f.table3Shape().columns()), false)),
                required("value", FieldType.COUNT).storedAs("figure")),
                List.of("agency_code", "report_year", "row_key", "applicant_type"),
                List.of(inLayoutOfItsYear(formats, (f, values, reject) ->
                        inGrid("table 三", f.table3Shape(), layoutOf(f, values), values, "row", "applicant_type", reject)))));

        add(new RecordKind(RETURNS_TABLE4, "returns_table4.csv", "return_table4", List.of(
                agency("agency_code"),
                required("year", FieldType.YEAR).storedAs("report_year"),
                required("kind", unionVocabulary(newestFirst, f -> entries(f.table4Shape().rows()), false)),
                required("result", unionVocabulary(newestFirst, f -> columnEntries(f.table4Shape().columns()), false)),
                required("value", FieldType.COUNT).storedAs("figure")),
                List.of("agency_code", "report_year", "kind", "result"),
                List.of(inLayoutOfItsYear(formats, (f, values, reject) ->
                        inGrid("table 四", f.table4Shape(), layoutOf(f, values), values, "kind", "result", reject)))));
    }

    /** A rule on a return row given the layout of its year. */
    @FunctionalInterface
    private interface LayoutRule {
        void check(ReportFormat format, Map<String, Object> values, RecordKind.Rejector reject);
    }

    /** Checks a return row against the layout its year's report is laid out in; a year no layout covers is refused. */
    private static RecordKind.RowRule inLayoutOfItsYear(ReportFormats formats, LayoutRule rule) {
        return (values, reject) -> {
            if (!(values.get("year") instanceof Integer year)) {
                return;
            }
            ReportFormat format;
            try {
                format = formats.forYear(year);
            } catch (IllegalArgumentException e) {
                reject.accept("year", e.getMessage());
                return;
            }
            rule.check(format, values, reject);
        };
    }

    private static String layoutOf(ReportFormat format, Map<String, Object> values) {
        return format.id() + " (the layout of " + values.get("year") + ")";
    }

    private static void inGrid(String table, GridShape shape, String layout, Map<String, Object> values,
                               String rowColumn, String columnColumn, RecordKind.Rejector reject) {
        if (values.get(rowColumn) instanceof String row && !shape.hasRow(row)) {
            reject.accept(rowColumn, table + " of " + layout + " has no row " + row + "; its rows: "
                    + String.join(", ", shape.rows().stream().map(GridShape.Row::key).toList()));
        } else if (values.get(columnColumn) instanceof String column && !shape.hasColumn(column)) {
            reject.accept(columnColumn, table + " of " + layout + " has no column " + column + "; its columns: "
                    + String.join(", ", shape.columns().stream().map(ReportFormat.Column::key).toList()));
        }
    }

    /**
     * The keys and labels of one vocabulary over all layouts (newest first): each key listed with the label
     * of the newest layout that has it, and the labels other layouts give it accepted too; with
     * {@code unnumbered}, also each label without its numbering where that is unambiguous. A label that two
     * layouts give to different cells would make a row mean different cells by year: refused at start.
     */
    private static FieldType unionVocabulary(List<ReportFormat> newestFirst, Function<ReportFormat, List<Map.Entry<String, String>>> terms,
                                             boolean unnumbered) {
        Map<String, String> choices = new LinkedHashMap<>();
        Map<String, String> keyOfLabel = new LinkedHashMap<>();
        for (ReportFormat f : newestFirst) {
            for (Map.Entry<String, String> term : terms.apply(f)) {
                choices.putIfAbsent(term.getKey(), term.getValue());
                String other = keyOfLabel.putIfAbsent(term.getValue(), term.getKey());
                if (other != null && !other.equals(term.getKey())) {
                    throw new IllegalStateException("the layouts give the label " + term.getValue() + " to two cells, "
                            + other + " and " + term.getKey() + " (" + f.id() + ")");
                }
            }
        }
        Map<String, String> aliases = new LinkedHashMap<>(keyOfLabel);
        if (unnumbered) {
            unnumberedLabels(keyOfLabel).forEach(aliases::putIfAbsent);
        }
        return FieldType.vocabulary(choices, aliases);
    }

    private static List<Map.Entry<String, String>> entries(List<GridShape.Row> rows) {
        return rows.stream().map(r -> Map.entry(r.key(), r.label())).toList();
    }

    private static List<Map.Entry<String, String>> columnEntries(List<ReportFormat.Column> columns) {
        return columns.stream().map(c -> Map.entry(c.key(), c.label())).toList();
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
        Map<String, String> keyOfLabel = new LinkedHashMap<>();
        choices.forEach((key, label) -> keyOfLabel.put(label, key));
        return unnumberedLabels(keyOfLabel);
    }

    /** As {@link #unnumbered}, given each label's key: a bare label is an alias when all its labels name one key. */
    private static Map<String, String> unnumberedLabels(Map<String, String> keyOfLabel) {
        Map<String, String> aliases = new LinkedHashMap<>();
        Set<String> ambiguous = new HashSet<>();
        keyOfLabel.forEach((label, key) -> {
            String bare = label.replaceFirst("^(（[一二三四五六七八九十]+）|\\d+\\.)", "");
            if (!bare.equals(label)) {
                String other = aliases.putIfAbsent(bare, key);
                if (other != null && !other.equals(key)) {
                    ambiguous.add(bare);
                }
            }
        });
        ambiguous.forEach(aliases::remove);
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

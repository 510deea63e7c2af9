package org.disclosurereports.core.rules;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The rule engine: evaluates every rule of a {@link RuleCatalogue} on a report's printed figures.
 * Plain Java; cells may be blank, and a rule that needs a blank cell reports it could not be checked,
 * never treating it as 0.
 */
public final class Auditor {

    /**
     * What an audit looks at.
     *
     * @param report   the report audited
     * @param previous last year's report of the same agency, or null (cross-year rules not applied)
     * @param units    the reports a summary combines, or null (roll-up not applied)
     * @param records  the same report recomputed from the records, or null (records rule not applied)
     */
    public record Subject(PublishedTables report, PublishedTables previous, List<PublishedTables> units,
                          PublishedTables records) {
        public static Subject of(PublishedTables report) {
            return new Subject(report, null, null, null);
        }

        public Subject withPrevious(PublishedTables p) {
            return new Subject(report, p, units, records);
        }

        public Subject withUnits(List<PublishedTables> u) {
            return new Subject(report, previous, u, records);
        }

        public Subject withRecords(PublishedTables r) {
            return new Subject(report, previous, units, r);
        }
    }

    private final RuleCatalogue catalogue;
    private final ReportFormat format;
    private final CellNames names;

    public Auditor(RuleCatalogue catalogue, ReportFormat format) {
        this.catalogue = catalogue;
        this.format = format;
        this.names = new CellNames(format);
    }

    public static Auditor shipped(ReportFormat format) {
        return new Auditor(RuleCatalogue.shipped(), format);
    }

    /**
     * Audits a report in its own layout ({@link PublishedTables#format()}). Rules name cells by key; a cell the
     * report's layout (or last year's, for cross-year rules) does not have is not compared, and the rule says so:
     * not applied when nothing is left to compare, otherwise a note listing what was left out.
     */
    public Validation audit(Subject s) {
        if (s.report().format() != format) {
            return new Auditor(catalogue, s.report().format()).audit(s);
        }
        List<Validation.RuleResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (RuleCatalogue.Rule rule : catalogue.rules()) {
            Tally t = new Tally(rule, findings, s);
            RuleCatalogue.Text notApplied = notApplied(rule, s);
            if (notApplied == null && rule.identity() != null
                    && format.identities().stream().noneMatch(i -> i.id().equals(rule.identity()))) {
                notApplied = new RuleCatalogue.Text("格式 " + format.id() + " 没有恒等式 " + rule.identity(),
                        "the layout " + format.id() + " has no identity " + rule.identity());
            }
            if (notApplied == null) {
                switch (rule.check()) {
                    case "equation" -> equation(rule, s, t);
                    case "text-figures" -> textFigures(s.report(), t);
                    case "roll-up" -> rollUp(s.report(), s.units(), t);
                    case "non-negative" -> perCell(s.report(), t, true);
                    case "whole-number" -> perCell(s.report(), t, false);
                    case "blank" -> blank(s.report(), t);
                    case "year-over-year" -> yearOverYear(rule, s.report(), s.previous(), t);
                    case "records" -> records(s.report(), s.records(), t);
                    default -> throw new IllegalStateException("no evaluator for check " + rule.check());
                }
            }
            RuleCatalogue.Text note = null;
            if (notApplied == null && !t.missing.isEmpty()) {
                String cells = String.join(", ", new LinkedHashSet<>(t.missing));
                RuleCatalogue.Text missing = layoutsDiffer(s)
                        ? new RuleCatalogue.Text("本年格式 " + s.report().format().id() + " 与上年格式 " + s.previous().format().id() + " 不共有的单元格未比较：" + cells,
                                "cells not in both layouts (" + layouts(s) + "), not compared: " + cells)
                        : new RuleCatalogue.Text("格式 " + layouts(s) + " 没有的单元格未比较：" + cells,
                                "cells the layout " + layouts(s) + " does not have, not compared: " + cells);
                if (t.checked == 0) {
                    notApplied = missing;
                } else {
                    note = missing;
                }
            }
            results.add(new Validation.RuleResult(rule.id(), rule.check(), rule.severity(), rule.section(), rule.title().zh(),
                    rule.title().en(), notApplied == null, notApplied == null ? null : notApplied.en(), t.checked, t.passed,
                    t.failed, t.unchecked, rule.basis(), notApplied == null ? null : notApplied.zh(),
                    note == null ? null : note.en(), note == null ? null : note.zh()));
        }
        PublishedTables r = s.report();
        return new Validation(r.agencyCode(), r.agencyName(), r.year(), r.scope(),
                s.previous() == null ? null : s.previous().year(), s.units() == null ? null : s.units().size(),
                s.records() != null, results, findings);
    }

    private static RuleCatalogue.Text notApplied(RuleCatalogue.Rule rule, Subject s) {
        if (rule.crossYear() && s.previous() == null) {
            return new RuleCatalogue.Text("没有上年度报告可供比较", "no report of the previous year was given");
        }
        if ("roll-up".equals(rule.check()) && s.units() == null) {
            return new RuleCatalogue.Text("不是汇总报告，或未提供所汇总单位的报告", "not a summary report, or the reports of its units were not given");
        }
        if ("records".equals(rule.check()) && s.records() == null) {
            return new RuleCatalogue.Text("未与办理记录比对", "not compared with the records");
        }
        return null;
    }

    /** This year's layout, and last year's where it differs: {@code gov-2021-30} or {@code gov-2021-30, previous year gov-2019-60}. */
    private static String layouts(Subject s) {
        String now = s.report().format().id();
        if (s.previous() == null || s.previous().format().id().equals(now)) {
            return now;
        }
        return now + ", previous year " + s.previous().format().id();
    }

    /** True when last year's report is laid out otherwise than this year's: cross-year rules compare only shared cells. */
    private static boolean layoutsDiffer(Subject s) {
        return s.previous() != null && !s.previous().format().id().equals(s.report().format().id());
    }

    /** Counts evaluations of one rule and records its findings. */
    private final class Tally {
        final RuleCatalogue.Rule rule;
        final List<Finding> findings;
        final Subject subject;
        /** Cells the rule names that this year's or last year's layout lacks: those lines are not compared. */
        final List<String> missing = new ArrayList<>();
        int checked;
        int passed;
        int failed;
        int unchecked;

        Tally(RuleCatalogue.Rule rule, List<Finding> findings, Subject subject) {
            this.rule = rule;
            this.findings = findings;
            this.subject = subject;
        }

        /** A message of a cross-year rule whose two years are in different layouts says it compared shared cells only. */
        private String across(String message, boolean zh) {
            if (!rule.crossYear() || !layoutsDiffer(subject)) {
                return message;
            }
            String previous = subject.previous().format().id();
            String now = subject.report().format().id();
            return message + (zh
                    ? "（上年报告为 " + previous + " 格式，本年为 " + now + " 格式：只比较两种格式共有的单元格）"
                    : " (last year's report is in layout " + previous + ", this year's in " + now
                            + ": only the cells both layouts share are compared)");
        }

        void pass() {
            checked++;
            passed++;
        }

        void fail(String cell, List<String> cells, Where where, String expected, String actual, Map<String, String> zh,
                  Map<String, String> en) {
            checked++;
            failed++;
            zh.put("where", where.zh());
            en.put("where", where.en());
            zh.putIfAbsent("actual", actual);
            en.putIfAbsent("actual", actual);
            zh.putIfAbsent("expected", expected);
            en.putIfAbsent("expected", expected);
            findings.add(new Finding(rule.id(), rule.severity(), Finding.Status.failed, cell, cells, where.zh(), expected, actual,
                    across(rule.message("zh", zh), true), across(rule.message("en", en), false), rule.section()));
        }

        /** A needed cell is blank: the rule could not be checked here. */
        void blank(String cell, List<String> cells, Where where, List<String> blanks, boolean report) {
            checked++;
            unchecked++;
            if (!report) {
                return;
            }
            Map<String, String> zh = Map.of("where", where.zh(), "blank", String.join("、", blanks.stream().map(Auditor.this::cellName).toList()));
            Map<String, String> en = Map.of("where", where.en(), "blank", String.join(", ", blanks));
            findings.add(new Finding(rule.id(), rule.severity(), Finding.Status.unchecked, cell, cells, where.zh(), null, null,
                    across(RuleCatalogue.fill(catalogue.unchecked().zh(), zh), true),
                    across(RuleCatalogue.fill(catalogue.unchecked().en(), en), false), rule.section()));
        }
    }

    private record Where(String zh, String en) {}

    private String cellName(String ref) {
        if (ref.startsWith(PREVIOUS)) {
            return "上年" + names.cell(ref.substring(PREVIOUS.length()));
        }
        return names.cell(ref);
    }

    static final String PREVIOUS = "previous:";

    // ---- equation (A, B, C, D, E1, E2) ----

    /** One side's term, resolved to a cell of this or last year's report. */
    private record Cell(String ref, boolean previous, int sign, String labelZh) {
        String id() {
            return previous ? PREVIOUS + ref : ref;
        }
    }

    private void equation(RuleCatalogue.Rule rule, Subject s, Tally t) {
        String table;
        String each;
        List<RuleCatalogue.Term> left;
        List<RuleCatalogue.Term> right;
        List<String> over;
        if (rule.identity() != null) {
            ReportFormat.Identity id = format.identities().stream().filter(i -> i.id().equals(rule.identity())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("rule " + rule.id() + ": the layout has no identity " + rule.identity()));
            table = id.table();
            each = id.each();
            boolean eachRow = "row".equals(each);
            left = id.left().stream().map(k -> eachRow ? new RuleCatalogue.Term(null, k, null, null) : new RuleCatalogue.Term(k, null, null, null)).toList();
            right = id.right().stream().map(k -> eachRow ? new RuleCatalogue.Term(null, k, null, null) : new RuleCatalogue.Term(k, null, null, null)).toList();
            over = null;
        } else {
            table = rule.table();
            each = rule.each();
            left = rule.left();
            right = rule.right();
            over = rule.rows();
        }
        boolean eachRow = "row".equals(each);
        for (String line : lines(table, eachRow, over)) {
            List<Cell> l = new ArrayList<>();
            List<Cell> r = new ArrayList<>();
            for (RuleCatalogue.Term term : left) {
                l.add(cell(table, eachRow, line, term));
            }
            for (RuleCatalogue.Term term : right) {
                r.add(cell(table, eachRow, line, term));
            }
            List<String> absent = concat(l, r).stream().filter(c -> !(c.previous() ? s.previous() : s.report()).has(c.ref()))
                    .map(Cell::id).toList();
            if (!absent.isEmpty()) {
                t.missing.addAll(absent);
                continue;
            }
            Where where = eachRow
                    ? new Where(names.table(table) + "“" + names.row(table, line) + "”行", table + " row " + line)
                    : new Where(names.table(table) + "“" + names.column(table, line) + "”列", table + " column " + line);
            compare(s, t, l, r, where);
        }
    }

    /** The rows (each row) or columns (each column) an equation is checked on. */
    private List<String> lines(String table, boolean eachRow, List<String> over) {
        if (over != null) {
            return over;
        }
        if ("table2".equals(table)) {
            List<String> keys = new ArrayList<>();
            format.table2().blocks().forEach(b -> b.rows().forEach(r -> keys.add(r.key())));
            return keys;
        }
        GridShape shape = format.shape(table);
        return eachRow ? shape.rowKeys() : shape.columnKeys();
    }

    private Cell cell(String table, boolean eachRow, String line, RuleCatalogue.Term term) {
        String row = eachRow ? line : term.row();
        String column = eachRow ? term.column() : line;
        String label = eachRow ? names.column(table, column) : names.row(table, row);
        return new Cell(CellRef.of(table, row, column).toString(), term.previous(), term.signum(),
                (term.previous() ? "上年" : "") + label);
    }

    private BigDecimal value(Subject s, Cell c) {
        return (c.previous() ? s.previous() : s.report()).get(c.ref());
    }

    private void compare(Subject s, Tally t, List<Cell> left, List<Cell> right, Where where) {
        List<String> ids = new ArrayList<>();
        List<String> blanks = new ArrayList<>();
        for (Cell c : concat(left, right)) {
            ids.add(c.id());
            if (value(s, c) == null) {
                blanks.add(c.id());
            }
        }
        if (!blanks.isEmpty()) {
            t.blank(ids.get(0), ids, where, blanks, true);
            return;
        }
        BigDecimal l = sum(s, left);
        BigDecimal r = sum(s, right);
        if (l.compareTo(r) == 0) {
            t.pass();
            return;
        }
        Map<String, String> zh = new LinkedHashMap<>();
        Map<String, String> en = new LinkedHashMap<>();
        zh.put("left", side(s, left, true, l));
        zh.put("right", side(s, right, true, r));
        en.put("left", side(s, left, false, l));
        en.put("right", side(s, right, false, r));
        t.fail(ids.get(0), ids, where, plain(r), plain(l), zh, en);
    }

    private BigDecimal sum(Subject s, List<Cell> cells) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Cell c : cells) {
            sum = sum.add(value(s, c).multiply(BigDecimal.valueOf(c.sign())));
        }
        return sum;
    }

    /** 结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11; in English with cell references. */
    private String side(Subject s, List<Cell> cells, boolean zh, BigDecimal total) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (i > 0 || c.sign() < 0) {
                sb.append(c.sign() < 0 ? (i > 0 ? " − " : "−") : " + ");
            }
            sb.append(zh ? c.labelZh() : c.id()).append(' ').append(plain(value(s, c)));
        }
        if (cells.size() > 1 || cells.get(0).sign() < 0) {
            sb.append(" = ").append(plain(total));
        }
        return sb.toString();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- F: numbers quoted in the text ----

    private void textFigures(PublishedTables report, Tally t) {
        for (PublishedTables.TextFigure f : report.textFigures()) {
            Where where = new Where(excerpt(f.quote(), plain(f.value())), excerpt(f.quote(), plain(f.value())));
            List<String> blanks = f.cells().stream().filter(c -> report.get(c) == null).toList();
            String cell = f.cells().get(0);
            if (!blanks.isEmpty()) {
                t.blank(cell, f.cells(), where, blanks, true);
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (String c : f.cells()) {
                sum = sum.add(report.get(c));
            }
            if (sum.compareTo(f.value()) == 0) {
                t.pass();
                continue;
            }
            Map<String, String> zh = new LinkedHashMap<>();
            Map<String, String> en = new LinkedHashMap<>();
            zh.put("right", cellsSide(report, f.cells(), true, sum));
            en.put("right", cellsSide(report, f.cells(), false, sum));
            t.fail(cell, f.cells(), where, plain(sum), plain(f.value()), zh, en);
        }
    }

    private String cellsSide(PublishedTables report, List<String> cells, boolean zh, BigDecimal sum) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(" + ");
            }
            sb.append(zh ? names.cell(cells.get(i)) : cells.get(i)).append(zh ? " 为 " : " is ").append(plain(report.get(cells.get(i))));
        }
        if (cells.size() > 1) {
            sb.append(" = ").append(plain(sum));
        }
        return sb.toString();
    }

    /** The part of a sentence around the number, so a long paragraph does not swamp the message. */
    public static String excerpt(String quote, String value) {
        if (quote == null || quote.isBlank()) {
            return value;
        }
        int at = quote.indexOf(value);
        if (quote.length() <= 80 || at < 0) {
            return quote.length() <= 80 ? quote : quote.substring(0, 80) + "…";
        }
        int from = Math.max(0, at - 25);
        int to = Math.min(quote.length(), at + value.length() + 25);
        return (from > 0 ? "…" : "") + quote.substring(from, to) + (to < quote.length() ? "…" : "");
    }

    // ---- G: a summary equals the sum of its units ----

    private void rollUp(PublishedTables summary, List<PublishedTables> units, Tally t) {
        for (String ref : summary.tableRefs()) {
            Where where = new Where(names.cell(ref), ref);
            List<String> cells = new ArrayList<>();
            cells.add(ref);
            List<String> blanks = new ArrayList<>();
            if (summary.get(ref) == null) {
                blanks.add(ref);
            }
            BigDecimal sum = BigDecimal.ZERO;
            StringBuilder zh = new StringBuilder();
            StringBuilder en = new StringBuilder();
            for (PublishedTables u : units) {
                String id = u.agencyCode() + ":" + ref;
                cells.add(id);
                BigDecimal v = u.get(ref);
                if (v == null) {
                    blanks.add(id);
                    continue;
                }
                sum = sum.add(v);
                if (!zh.isEmpty()) {
                    zh.append(" + ");
                    en.append(" + ");
                }
                zh.append(u.agencyName() == null ? u.agencyCode() : u.agencyName()).append(' ').append(plain(v));
                en.append(u.agencyCode()).append(' ').append(plain(v));
            }
            if (!blanks.isEmpty()) {
                t.blank(ref, cells, where, blanks, true);
                continue;
            }
            if (sum.compareTo(summary.get(ref)) == 0) {
                t.pass();
                continue;
            }
            String total = plain(sum);
            t.fail(ref, cells, where, total, plain(summary.get(ref)),
                    map("left", "汇总 " + plain(summary.get(ref)), "right", zh + " = " + total),
                    map("left", "summary " + plain(summary.get(ref)), "right", en + " = " + total));
        }
    }

    // ---- N1, N2, N3: every cell ----

    private void perCell(PublishedTables report, Tally t, boolean nonNegative) {
        List<String> refs = new ArrayList<>(report.tableRefs());
        refs.add(CellRef.PROCESSING_FEES);
        for (String ref : refs) {
            BigDecimal v = report.get(ref);
            Where where = new Where(names.cell(ref), ref);
            if (v == null && CellRef.PROCESSING_FEES.equals(ref)) {
                continue; // an extension of v1 a published file need not carry
            }
            if (v == null) {
                // Counted as unchecked; the blank cell itself is reported once, by the blank rule.
                t.blank(ref, List.of(ref), where, List.of(ref), false);
                continue;
            }
            if (nonNegative && report.isSigned(ref)) {
                continue; // a change from last year (本年增/减) is negative when items were cut
            }
            boolean ok = nonNegative ? v.signum() >= 0 : report.isDecimal(ref) || isWhole(v);
            if (ok) {
                t.pass();
            } else {
                t.fail(ref, List.of(ref), where, null, plain(v), new LinkedHashMap<>(), new LinkedHashMap<>());
            }
        }
    }

    private static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    private void blank(PublishedTables report, Tally t) {
        for (String ref : report.tableRefs()) {
            if (report.get(ref) == null) {
                t.fail(ref, List.of(ref), new Where(names.cell(ref), ref), null, null, new LinkedHashMap<>(), new LinkedHashMap<>());
            } else {
                t.pass();
            }
        }
    }

    // ---- Y1: year over year ----

    private void yearOverYear(RuleCatalogue.Rule rule, PublishedTables report, PublishedTables previous, Tally t) {
        BigDecimal factor = BigDecimal.valueOf(rule.factor() == null ? 5 : rule.factor());
        BigDecimal minimum = BigDecimal.valueOf(rule.minimum() == null ? 0 : rule.minimum());
        for (String ref : report.tableRefs()) {
            if (!previous.has(ref)) {
                t.missing.add(PREVIOUS + ref);
                continue;
            }
            if (report.isSigned(ref)) {
                continue; // a change from last year (本年增/减) has no ratio to last year's change
            }
            BigDecimal now = report.get(ref);
            BigDecimal before = previous.get(ref);
            List<String> cells = List.of(ref, PREVIOUS + ref);
            Where where = new Where(names.cell(ref), ref);
            if (now == null || before == null) {
                List<String> blanks = new ArrayList<>();
                if (now == null) {
                    blanks.add(ref);
                }
                if (before == null) {
                    blanks.add(PREVIOUS + ref);
                }
                t.blank(ref, cells, where, blanks, false);
                continue;
            }
            // No ratio to last year's 0; and small counts swing naturally (see minimum in rules.yaml).
            if (before.signum() <= 0 || now.max(before).compareTo(minimum) < 0) {
                t.pass();
                continue;
            }
            boolean grew = now.compareTo(before.multiply(factor)) > 0;
            boolean shrank = now.multiply(factor).compareTo(before) < 0;
            if (!grew && !shrank) {
                t.pass();
                continue;
            }
            BigDecimal ratio = now.divide(before, 2, RoundingMode.HALF_UP);
            t.fail(ref, cells, where, plain(before), plain(now),
                    map("right", grew ? "为上年的 " + ratio.toPlainString() + " 倍" : "仅为上年的 " + ratio.toPlainString() + " 倍"),
                    map("right", ratio.toPlainString() + " times last year's"));
        }
    }

    // ---- R1: published against records ----

    private void records(PublishedTables published, PublishedTables records, Tally t) {
        List<String> refs = new ArrayList<>(published.tableRefs());
        refs.add(CellRef.PROCESSING_FEES);
        for (String ref : refs) {
            BigDecimal want = records.get(ref);
            BigDecimal got = published.get(ref);
            if (want == null) {
                continue; // the records say nothing about it (the fee extension of an older file)
            }
            if (got == null && CellRef.PROCESSING_FEES.equals(ref)) {
                continue; // an optional extension a published file need not carry
            }
            Where where = new Where(names.cell(ref), ref);
            if (got != null && got.compareTo(want) == 0) {
                t.pass();
                continue;
            }
            // A blank is never 0: a blank cell differs from whatever the records give.
            String actual = got == null ? "空白" : plain(got);
            t.fail(ref, List.of(ref), where, plain(want), actual, map("actual", actual), map("actual", got == null ? "blank" : actual));
        }
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    public static String plain(BigDecimal v) {
        return v == null ? null : TablesJson.plain(v);
    }
}

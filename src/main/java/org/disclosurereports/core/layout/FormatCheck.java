package org.disclosurereports.core.layout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks a layout file on load, so that a mistyped key in a format revision fails at start-up. */
final class FormatCheck {

    private FormatCheck() {}

    static void check(ReportFormat f) {
        List<String> problems = new ArrayList<>();
        if (f.sections() == null || f.sections().size() != 6) {
            problems.add("a report has six sections");
        }
        checkGrid("table3", f.table3Shape(), problems);
        checkGrid("table4", f.table4Shape(), problems);
        Set<String> t2 = new HashSet<>();
        for (ReportFormat.Table2Block b : f.table2().blocks()) {
            for (ReportFormat.Table2Row r : b.rows()) {
                if (!t2.add(r.key())) {
                    problems.add("table2 row key " + r.key() + " is used twice");
                }
                if (r.source() == null || (r.source().documentCategory() == null) == (r.source().enforcementItem() == null)) {
                    problems.add("table2 row " + r.key() + " needs exactly one source");
                }
                boolean documents = r.source() != null && r.source().documentCategory() != null;
                for (ReportFormat.Column c : b.columns()) {
                    Set<String> rules = documents ? ReportFormat.DOCUMENT_COUNTS : ReportFormat.FIGURE_COUNTS;
                    if (c.counts() == null || !rules.contains(c.counts())) {
                        problems.add("table2 column " + c.key() + " of row " + r.key() + " counts '" + c.counts()
                                + "', not one of " + new TreeSet<>(rules));
                    }
                }
            }
        }
        for (ReportFormat.Identity id : f.identities()) {
            GridShape shape = f.shape(id.table());
            for (String key : concat(id.left(), id.right())) {
                boolean known = "row".equals(id.each()) ? shape.hasColumn(key) : shape.hasRow(key);
                if (!known) {
                    problems.add("identity " + id.id() + " names unknown " + ("row".equals(id.each()) ? "column " : "row ") + key);
                }
            }
        }
        problems.addAll(f.derivedDataProblems());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Report format " + f.id() + " is inconsistent: " + String.join("; ", problems));
        }
    }

    /**
     * What does not fit between the layouts a program knows: every outcome of the input vocabulary must be
     * counted by exactly one result row of every layout, so that a closed application lands once in any year.
     */
    static List<String> checkTogether(ReportFormats formats) {
        List<String> problems = new ArrayList<>();
        Set<String> vocabulary = formats.outcomes().keySet();
        for (ReportFormat f : formats.all()) {
            List<String> counted = f.table3Shape().countedOutcomes();
            for (String outcome : vocabulary) {
                long rows = counted.stream().filter(outcome::equals).count();
                if (rows != 1) {
                    problems.add(f.id() + " counts the outcome " + outcome + " in " + rows + " rows of table3, not 1");
                }
            }
            for (String outcome : counted) {
                if (!vocabulary.contains(outcome)) {
                    problems.add(f.id() + " counts the outcome " + outcome + ", which no layout defines as a result row");
                }
            }
        }
        return problems;
    }

    private static void checkGrid(String table, GridShape shape, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (GridShape.Row r : shape.rows()) {
            if (r.key() == null || !seen.add(r.key())) {
                problems.add(table + " row key " + r.key() + " is missing or used twice");
            }
            for (String part : r.sumOf()) {
                if (!shape.hasRow(part)) {
                    problems.add(table + " row " + r.key() + " sums unknown row " + part);
                }
            }
        }
        for (ReportFormat.Column c : shape.columns()) {
            if (c.computed()) {
                for (String part : c.sumOf()) {
                    if (!shape.hasColumn(part)) {
                        problems.add(table + " column " + c.key() + " sums unknown column " + part);
                    }
                }
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

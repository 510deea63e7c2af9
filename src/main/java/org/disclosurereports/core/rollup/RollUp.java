package org.disclosurereports.core.rollup;

import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.Table2;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Summary reports (scope {@code summary}) of every agency with children, in one depth-first pass
 * over the tree: a summary is the agency's own tables plus the tables of all its descendants. Only
 * additive cells are added (every part cell of tables 二, 三, 四, and the 信息处理费); totals are
 * computed from the summed parts, never added. Memory holds one accumulator per level of the path
 * being walked (depth × one table), never all units.
 * <p>
 * A unit whose tables are missing (its report failed) makes every summary above it incomplete: those
 * summaries are not built but reported as failed, since a summary short of a unit would be wrong.
 */
public final class RollUp {

    /** What the pass produces, in post-order (children's summaries before their parent's). */
    public interface Sink {
        /**
         * @param units every unit combined, the agency first, then its descendants depth first
         */
        void summary(Agency agency, StatutoryTables summary, List<Agency> units);

        void failed(Agency agency, String reason);
    }

    private final ReportFormat format;
    private final int year;

    public RollUp(ReportFormat format, int year) {
        this.format = format;
        this.year = year;
    }

    /**
     * @param unitTables a unit's own tables for the year, or null when it has none (its build failed)
     */
    public void run(AgencyTree tree, Function<Agency, StatutoryTables> unitTables, Sink sink) {
        for (Agency root : tree.roots()) {
            visit(tree, root, unitTables, sink);
        }
    }

    /** An agency whose subtree is being added up: its accumulator and the children still to visit. */
    private record Open(Agency agency, Accumulator acc, Iterator<Agency> children) {}

    /**
     * Post-order over the subtree of {@code top}, with a stack of its own rather than by recursion, so that a
     * chain of units thousands deep does not overflow the thread's stack.
     */
    private void visit(AgencyTree tree, Agency top, Function<Agency, StatutoryTables> unitTables, Sink sink) {
        Deque<Open> path = new ArrayDeque<>();
        path.push(open(tree, top, unitTables));
        while (!path.isEmpty()) {
            Open current = path.peek();
            if (current.children().hasNext()) {
                path.push(open(tree, current.children().next(), unitTables));
                continue;
            }
            path.pop();
            close(tree, current, sink);
            if (!path.isEmpty()) {
                path.peek().acc().addAll(current.acc());
            }
        }
    }

    private Open open(AgencyTree tree, Agency agency, Function<Agency, StatutoryTables> unitTables) {
        Accumulator acc = new Accumulator();
        acc.add(agency, unitTables.apply(agency));
        return new Open(agency, acc, tree.children(agency).iterator());
    }

    private void close(AgencyTree tree, Open done, Sink sink) {
        Agency agency = done.agency();
        Accumulator acc = done.acc();
        if (tree.hasChildren(agency)) {
            if (!acc.missing.isEmpty()) {
                sink.failed(agency, "incomplete: no report for " + String.join(", ", acc.missing) + " (its build failed), so the summary would be short of it");
            } else {
                sink.summary(agency, acc.summary(agency), tree.subtree(agency));
            }
        }
    }

    private final class Accumulator {
        final Table2 table2 = new Table2(format.table2());
        final Grid table3 = new Grid(format.table3Shape());
        final Grid table4 = new Grid(format.table4Shape());
        BigDecimal fees = BigDecimal.ZERO;
        final List<String> missing = new ArrayList<>();

        void add(Agency unit, StatutoryTables t) {
            if (t == null) {
                missing.add(unit.code());
                return;
            }
            table2.addAll(t.table2());
            table3.addAll(t.table3());
            table4.addAll(t.table4());
            // An unknown fee (a return does not state it) makes the sum unknown, not smaller.
            fees = fees == null || t.processingFeesYuan() == null ? null : fees.add(t.processingFeesYuan());
        }

        void addAll(Accumulator child) {
            missing.addAll(child.missing);
            table2.addAll(child.table2);
            table3.addAll(child.table3);
            table4.addAll(child.table4);
            fees = fees == null || child.fees == null ? null : fees.add(child.fees);
        }

        /** A copy with totals computed: this accumulator stays open for the parent to add. */
        StatutoryTables summary(Agency agency) {
            Table2 t2 = new Table2(format.table2());
            t2.addAll(table2);
            Grid t3 = new Grid(format.table3Shape());
            t3.addAll(table3);
            Grid t4 = new Grid(format.table4Shape());
            t4.addAll(table4);
            return new StatutoryTables(agency.code(), agency.name(), year, StatutoryTables.SCOPE_SUMMARY, t2,
                    t3.withTotals(), t4.withTotals(), fees);
        }
    }
}

package org.disclosurereports.core.rules;

import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.StatutoryTables;

import java.util.ArrayList;
import java.util.List;

/**
 * The identities within one report that the layout lists ({@code identities}: A–D), checked on the
 * figures as they stand. Small and self-contained on purpose: the rule catalogue can replace it.
 */
public final class IdentityCheck {

    private IdentityCheck() {}

    /** One message per failing row or column, naming the identity, the cells and both sides. */
    public static List<String> failures(ReportFormat format, StatutoryTables t) {
        List<String> failures = new ArrayList<>();
        for (ReportFormat.Identity identity : format.identities()) {
            Grid grid = switch (identity.table()) {
                case "table3" -> t.table3();
                case "table4" -> t.table4();
                default -> throw new IllegalArgumentException("identity " + identity.id() + " on unknown table " + identity.table());
            };
            GridShape shape = grid.shape();
            if ("row".equals(identity.each())) {
                for (GridShape.Row row : shape.rows()) {
                    long left = 0;
                    long right = 0;
                    for (String c : identity.left()) {
                        left += grid.get(row.index(), shape.columnIndex(c));
                    }
                    for (String c : identity.right()) {
                        right += grid.get(row.index(), shape.columnIndex(c));
                    }
                    if (left != right) {
                        failures.add(identity.id() + " " + identity.table() + "." + row.key() + ": " + String.join(" + ", identity.left())
                                + " = " + left + ", " + String.join(" + ", identity.right()) + " = " + right + " (" + identity.text() + ")");
                    }
                }
            } else {
                for (int c = 0; c < shape.columns().size(); c++) {
                    long left = 0;
                    long right = 0;
                    for (String r : identity.left()) {
                        left += grid.get(shape.rowIndex(r), c);
                    }
                    for (String r : identity.right()) {
                        right += grid.get(shape.rowIndex(r), c);
                    }
                    if (left != right) {
                        String col = shape.columns().get(c).key();
                        failures.add(identity.id() + " " + identity.table() + ".*." + col + ": " + String.join(" + ", identity.left())
                                + " = " + left + ", " + String.join(" + ", identity.right()) + " = " + right + " (" + identity.text() + ")");
                    }
                }
            }
        }
        return failures;
    }
}

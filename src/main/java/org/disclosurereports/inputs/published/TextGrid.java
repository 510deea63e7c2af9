package org.disclosurereports.inputs.published;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One table as a published document prints it, with merged cells spread over the slots they cover:
 * {@code slot(r, c)} is the cell covering row r and column c, so a rowspan group label is seen on
 * every row it spans. Built from HTML {@code <table>} (rowspan/colspan) or from the ruling lines of a
 * PDF page.
 *
 * @param page   the PDF page it is on (1-based), 0 for HTML
 * @param number which table of the document it is (1-based), for messages
 */
public record TextGrid(int page, int number, List<List<Cell>> slots) {

    /** A printed cell: its text as printed and where it starts. */
    public record Cell(String text, int row, int column, int rowspan, int colspan) {
        public String normalized() {
            return Labels.normalize(text);
        }
    }

    public TextGrid {
        slots = slots.stream().map(r -> (List<Cell>) new ArrayList<>(r)).toList();
    }

    public int rows() {
        return slots.size();
    }

    public int columns() {
        return slots.stream().mapToInt(List::size).max().orElse(0);
    }

    /** The cell covering a slot, or null where the row is shorter. */
    public Cell slot(int row, int column) {
        List<Cell> r = slots.get(row);
        return column < r.size() ? r.get(column) : null;
    }

    /** The distinct cells of a row, left to right. */
    public List<Cell> cells(int row) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : slots.get(row)) {
            if (c != null && (out.isEmpty() || out.get(out.size() - 1) != c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * This grid with the first row of {@code next} (a row the page break cut in two, its label's end on the
     * next page) joined to its last row: each cell's text, right-aligned column by column, is appended.
     */
    public TextGrid joinedWithFirstRowOf(TextGrid next) {
        int last = rows() - 1;
        int shift = columns() - next.columns();
        List<List<Cell>> joined = slots.stream().map(r -> (List<Cell>) new ArrayList<>(r)).toList();
        Set<Cell> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int s = 0; s < next.columns(); s++) {
            Cell tail = next.slot(0, s);
            Cell head = s + shift >= 0 ? slot(last, s + shift) : null;
            if (tail == null || head == null || tail.text().isBlank() || !done.add(tail)) {
                continue;
            }
            Cell longer = new Cell(head.text() + tail.text(), head.row(), head.column(), head.rowspan(), head.colspan());
            for (List<Cell> row : joined) {
                row.replaceAll(c -> c == head ? longer : c);
            }
        }
        return new TextGrid(page, number, joined);
    }

    /** This grid without its first row. */
    public TextGrid withoutFirstRow() {
        return new TextGrid(page, number, slots.subList(Math.min(1, slots.size()), slots.size()));
    }

    /** Lays out cells given by position and span into slots (how HTML tables are read). */
    public static final class Builder {
        private final List<List<Cell>> slots = new ArrayList<>();

        /** Adds the next cell of row {@code row}, in the first slot not taken by a span from above. */
        public Builder add(int row, String text, int rowspan, int colspan) {
            int rs = Math.max(1, Math.min(rowspan, 200));
            int cs = Math.max(1, Math.min(colspan, 100));
            while (slots.size() < row + rs) {
                slots.add(new ArrayList<>());
            }
            List<Cell> r = slots.get(row);
            int column = 0;
            while (column < r.size() && r.get(column) != null) {
                column++;
            }
            Cell cell = new Cell(text, row, column, rs, cs);
            for (int i = row; i < row + rs; i++) {
                List<Cell> line = slots.get(i);
                for (int j = column; j < column + cs; j++) {
                    while (line.size() <= j) {
                        line.add(null);
                    }
                    line.set(j, cell);
                }
            }
            return this;
        }

        /** Makes sure row {@code row} exists even when it has no cell of its own (all spanned from above). */
        public Builder row(int row) {
            while (slots.size() <= row) {
                slots.add(new ArrayList<>());
            }
            return this;
        }

        public TextGrid build(int page, int number) {
            return new TextGrid(page, number, slots);
        }
    }
}

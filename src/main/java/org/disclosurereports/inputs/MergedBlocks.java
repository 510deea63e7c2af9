package org.disclosurereports.inputs;

import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * A sheet's merged blocks, walked together with its rows. A sheet's rows come in ascending order, so the
 * blocks are sorted by their first row once and each row sees only the blocks that cover it: reading a
 * sheet costs its rows plus its blocks plus the cells the blocks fill, never rows × blocks.
 * <p>
 * Blocks that overlap (Excel never writes them) are refused when the index is built: with them a few
 * kilobytes of {@code <mergeCell>} elements could make every row visit every block. Without overlaps the
 * blocks covering one row have disjoint columns, so there are at most as many as a row has cells.
 */
final class MergedBlocks {

    /** A merged block met by the walk, with the value of its first cell once its first row has been read. */
    private static final class Block {
        final CellRangeAddress range;
        String value = "";

        Block(CellRangeAddress range) {
            this.range = range;
        }
    }

    /** Two blocks sharing a cell: the sheet is not one Excel wrote. */
    static final class Overlap extends Exception {
        Overlap(CellRangeAddress a, CellRangeAddress b) {
            super("the merged blocks " + a.formatAsString() + " and " + b.formatAsString() + " overlap", null, false, false);
        }
    }

    private final List<CellRangeAddress> byFirstRow;
    /** The next block of {@link #byFirstRow} the walk has not reached. */
    private int next;
    /** The blocks covering the current row, by first column. */
    private final TreeMap<Integer, Block> covering = new TreeMap<>();
    private int row0 = -1;
    /** Blocks visited by the walk so far: what keeps it linear, counted so that a test can see it. */
    private long visits;

    MergedBlocks(List<CellRangeAddress> blocks) throws Overlap {
        List<CellRangeAddress> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingInt(CellRangeAddress::getFirstRow).thenComparingInt(CellRangeAddress::getFirstColumn));
        refuseOverlaps(sorted);
        this.byFirstRow = sorted;
    }

    /**
     * A sweep down the rows: the blocks still open at a block's first row have disjoint columns, so the open
     * block with the greatest first column not right of the new block's last column is the only one that can
     * overlap it.
     */
    private static void refuseOverlaps(List<CellRangeAddress> sorted) throws Overlap {
        PriorityQueue<CellRangeAddress> byLastRow = new PriorityQueue<>(Comparator.comparingInt(CellRangeAddress::getLastRow));
        TreeMap<Integer, CellRangeAddress> open = new TreeMap<>();
        for (CellRangeAddress m : sorted) {
            while (!byLastRow.isEmpty() && byLastRow.peek().getLastRow() < m.getFirstRow()) {
                open.remove(byLastRow.poll().getFirstColumn());
            }
            Map.Entry<Integer, CellRangeAddress> left = open.floorEntry(m.getLastColumn());
            if (left != null && left.getValue().getLastColumn() >= m.getFirstColumn()) {
                throw new Overlap(left.getValue(), m);
            }
            open.put(m.getFirstColumn(), m);
            byLastRow.add(m);
        }
    }

    boolean isEmpty() {
        return byFirstRow.isEmpty();
    }

    /**
     * Moves the walk to a row (0-based, never back) and fills its cells: a cell covered by a block, other than
     * the block's first cell, shows the block's value unless it holds one of its own; the first cell's value
     * is recorded for the rows below.
     */
    void fill(int row, Map<Integer, String> cells) {
        if (row < row0) {
            throw new IllegalArgumentException("row " + (row + 1) + " after row " + (row0 + 1));
        }
        row0 = row;
        covering.values().removeIf(b -> {
            visits++;
            return b.range.getLastRow() < row;
        });
        while (next < byFirstRow.size() && byFirstRow.get(next).getFirstRow() <= row) {
            CellRangeAddress m = byFirstRow.get(next++);
            visits++;
            if (m.getLastRow() >= row) {
                covering.put(m.getFirstColumn(), new Block(m));
            } // else a block over rows the sheet does not hold
        }
        for (Block b : covering.values()) {
            visits++;
            CellRangeAddress m = b.range;
            if (m.getFirstRow() == row) {
                b.value = cells.getOrDefault(m.getFirstColumn(), "");
                continue;
            }
            for (int c = m.getFirstColumn(); c <= m.getLastColumn(); c++) {
                if (cells.getOrDefault(c, "").isEmpty()) {
                    cells.put(c, b.value);
                }
            }
        }
    }

    /** Whether a block spanning several columns starts at this column of the current row (a title). */
    boolean wideBlockStartsAt(int column) {
        Block b = covering.get(column);
        return b != null && b.range.getFirstRow() == row0 && b.range.getLastColumn() > column;
    }

    /** Whether a cell of the current row is inside a block without being its first cell. */
    boolean coversBeyondFirstCell(int column) {
        Map.Entry<Integer, Block> e = covering.floorEntry(column);
        if (e == null) {
            return false;
        }
        CellRangeAddress m = e.getValue().range;
        return m.getLastColumn() >= column && !(m.getFirstRow() == row0 && m.getFirstColumn() == column);
    }

    /** The last row (0-based) of the blocks starting on the current row, or the current row. */
    int lastRowOfBlocksStartingHere() {
        int last = row0;
        for (Block b : covering.values()) {
            if (b.range.getFirstRow() == row0) {
                last = Math.max(last, b.range.getLastRow());
            }
        }
        return last;
    }

    long visits() {
        return visits;
    }
}

package org.disclosurereports.inputs;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The merged-block index a sheet is read with: each row visits only the blocks that cover it, so reading
 * costs rows plus blocks. Shown by counting the blocks the walk visits, not by timing it.
 */
class MergedBlocksTest {

    @Test
    void aRowVisitsOnlyTheBlocksCoveringIt() throws MergedBlocks.Overlap {
        int blocks = 150_000;
        List<CellRangeAddress> merged = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            merged.add(new CellRangeAddress(1 + 2 * b, 2 + 2 * b, 1, 1)); // column B written once for two rows
        }
        MergedBlocks index = new MergedBlocks(merged);
        int rows = 2 * blocks;
        for (int row = 1; row <= rows; row++) {
            Map<Integer, String> cells = new HashMap<>();
            cells.put(0, "A-" + row);
            if (row % 2 == 1) {
                cells.put(1, "SL-" + row);
            }
            index.fill(row, cells);
            String expected = "SL-" + (row % 2 == 1 ? row : row - 1);
            if (!expected.equals(cells.get(1))) {
                throw new AssertionError("row " + (row + 1) + ": " + cells);
            }
        }
        // rows × blocks would be 4.5·10^10 visits; the walk makes a few per row and per block
        assertThat(index.visits()).isLessThanOrEqualTo(3L * (rows + blocks));
    }

    @Test
    void blocksOverRowsTheSheetDoesNotHoldArePassedOnce() throws MergedBlocks.Overlap {
        List<CellRangeAddress> merged = new ArrayList<>();
        for (int b = 0; b < 10_000; b++) {
            merged.add(new CellRangeAddress(10 + 3 * b, 11 + 3 * b, 2, 4));
        }
        MergedBlocks index = new MergedBlocks(merged);
        Map<Integer, String> first = new HashMap<>(Map.of(0, "a"));
        index.fill(0, first);
        Map<Integer, String> last = new HashMap<>(Map.of(0, "b"));
        index.fill(1_000_000, last);
        assertThat(last).containsOnlyKeys(0);
        assertThat(index.visits()).isLessThanOrEqualTo(10_001);
    }

    @Test
    void aBlockFillsItsCellsBelowItsFirstRowUnlessTheyHoldAValue() throws MergedBlocks.Overlap {
        MergedBlocks index = new MergedBlocks(List.of(CellRangeAddress.valueOf("B2:C4")));
        Map<Integer, String> r2 = new HashMap<>(Map.of(1, "x"));
        index.fill(1, r2);
        assertThat(r2).containsOnly(Map.entry(1, "x"));
        assertThat(index.wideBlockStartsAt(1)).isTrue();
        assertThat(index.coversBeyondFirstCell(1)).isFalse();
        assertThat(index.coversBeyondFirstCell(2)).isTrue();
        assertThat(index.lastRowOfBlocksStartingHere()).isEqualTo(3);
        Map<Integer, String> r3 = new HashMap<>(Map.of(2, "own"));
        index.fill(2, r3);
        assertThat(r3).containsOnly(Map.entry(1, "x"), Map.entry(2, "own"));
        Map<Integer, String> r5 = new HashMap<>();
        index.fill(4, r5);
        assertThat(r5).isEmpty();
    }

    @Test
    void overlappingBlocksAreRefused() {
        assertThatThrownBy(() -> new MergedBlocks(List.of(CellRangeAddress.valueOf("A1:B5"), CellRangeAddress.valueOf("B5:C6"))))
                .isInstanceOf(MergedBlocks.Overlap.class).hasMessage("the merged blocks A1:B5 and B5:C6 overlap");
        List<CellRangeAddress> sameBlockMany = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sameBlockMany.add(CellRangeAddress.valueOf("A1:XFD1048576"));
        }
        assertThatThrownBy(() -> new MergedBlocks(sameBlockMany)).isInstanceOf(MergedBlocks.Overlap.class);
    }

    @Test
    void blocksSideBySideAndOneBelowAnotherAreNotOverlaps() throws MergedBlocks.Overlap {
        MergedBlocks index = new MergedBlocks(List.of(CellRangeAddress.valueOf("A1:B2"), CellRangeAddress.valueOf("C1:D5"),
                CellRangeAddress.valueOf("A3:B3"), CellRangeAddress.valueOf("E2:E9")));
        assertThat(index.isEmpty()).isFalse();
    }
}

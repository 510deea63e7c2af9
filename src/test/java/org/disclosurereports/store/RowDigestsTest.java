package org.disclosurereports.store;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RowDigestsTest {

    private static final Object[] ROW = {"SL", "YSQ20240001", LocalDate.of(2024, 3, 1), "natural_person", null, "granted", false, null};

    @Test
    void aRowHasOneDigestAndAnyChangedValueChangesIt() {
        long digest = RowDigests.of(ROW, ROW.length);
        assertThat(RowDigests.of(ROW.clone(), ROW.length)).isEqualTo(digest);
        for (int i = 0; i < ROW.length; i++) {
            Object[] changed = ROW.clone();
            changed[i] = changed[i] == null ? "" : changed[i] + "x";
            assertThat(RowDigests.of(changed, ROW.length)).as("value %d changed", i).isNotEqualTo(digest);
        }
    }

    @Test
    void valuesDoNotRunIntoEachOtherAndOnlyTheKindsColumnsCount() {
        assertThat(RowDigests.of(new Object[] {"ab", "c"}, 2)).isNotEqualTo(RowDigests.of(new Object[] {"a", "bc"}, 2));
        assertThat(RowDigests.of(new Object[] {"a", "b", 1L, 7L}, 2)).isEqualTo(RowDigests.of(new Object[] {"a", "b", 2L, 9L}, 2));
    }

    @Test
    void aSliceIsTheCountAndTheSumWhateverTheOrder() {
        long a = RowDigests.of(new Object[] {"a"}, 1);
        long b = RowDigests.of(new Object[] {"b"}, 1);
        RowDigests.Slice ab = RowDigests.Slice.EMPTY.plus(a).plus(b);
        assertThat(ab).isEqualTo(RowDigests.Slice.EMPTY.plus(b).plus(a));
        assertThat(RowDigests.Slice.add(RowDigests.Slice.EMPTY.plus(a), RowDigests.Slice.EMPTY.plus(b))).isEqualTo(ab);
        assertThat(ab.complete()).isTrue();
        assertThat(new RowDigests.Slice(2, 1, a).complete()).as("a row stored without its digest").isFalse();
        assertThat(ab).isNotEqualTo(RowDigests.Slice.EMPTY.plus(a).plus(a));
    }
}

package org.disclosurereports.core.layout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellRefTest {

    @Test
    void parsesAndFormatsTableRowColumn() {
        CellRef ref = CellRef.parse("table3.granted.total");
        assertThat(ref).isEqualTo(CellRef.of("table3", "granted", "total"));
        assertThat(ref.table()).isEqualTo("table3");
        assertThat(ref.row()).isEqualTo("granted");
        assertThat(ref.column()).isEqualTo("total");
        assertThat(ref).hasToString("table3.granted.total");
    }

    @Test
    void malformedTextIsRefusedNamingIt() {
        for (String bad : new String[] {"table3.granted", "table3..total", ".granted.total", "table3.granted.", "a.b.c.d", "", "table3 granted total"}) {
            assertThatThrownBy(() -> CellRef.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> CellRef.of("table3", "a.b", "total")).hasMessageContaining("'table3.a.b.total'");
    }

    @Test
    void theProcessingFeeIsAFigureButNoCell() {
        assertThat(CellRef.isCell(CellRef.PROCESSING_FEES)).isFalse();
        assertThat(CellRef.isCell("table4.review.total")).isTrue();
    }
}

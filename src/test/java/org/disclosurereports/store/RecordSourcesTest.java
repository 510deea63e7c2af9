package org.disclosurereports.store;

import org.disclosurereports.core.records.AppealCase;
import org.disclosurereports.core.records.Application;
import org.disclosurereports.core.records.EnforcementFigure;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSourcesTest {

    private static final Application APPLICATION = new Application("SL-JD1", "CD2024-02", LocalDate.of(2024, 3, 20),
            "natural_person", null, "granted", false, new BigDecimal("12.5000"));

    @Test
    void aRecordIsOneLineOfItsStoredValuesAsTheDataContractDescribes() {
        assertThat(RecordSources.line(APPLICATION))
                .isEqualTo("SL-JD1\tCD2024-02\t2024-03-20\tnatural_person\t\tgranted\tfalse\t12.5\n");
        assertThat(RecordSources.line(new EnforcementFigure("SL-JD1", 2024, "licensing", new BigDecimal("3.000"), null)))
                .isEqualTo("SL-JD1\t2024\tlicensing\t3\t\n");
        assertThat(RecordSources.line(new AppealCase("SL-JD1", "a\tb\\c\nd", "reconsideration", LocalDate.of(2024, 1, 2), null, null)))
                .isEqualTo("SL-JD1\ta\\tb\\\\c\\nd\treconsideration\t2024-01-02\t\t\n");
    }

    @Test
    void theSameRecordsGiveTheSameDigestAndEveryTableReadIsNamed() {
        RecordSources one = new RecordSources();
        one.read("application");
        one.row("application", APPLICATION, 7);
        one.read("appeal_case");
        RecordSources other = new RecordSources();
        other.read("application");
        other.row("application", APPLICATION, 9);
        other.read("appeal_case");
        assertThat(one.counted().keySet()).containsExactly("application", "appeal_case");
        assertThat(one.counted().get("application").sha256()).isEqualTo(other.counted().get("application").sha256());
        assertThat(one.counted().get("application").records()).isEqualTo(1);
        assertThat(one.counted().get("application").loads()).containsExactly(7L);
        // No record read: the digest of nothing.
        assertThat(one.counted().get("appeal_case").sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void countingThatGathersNothingKeepsNothing() {
        RecordSources.NONE.read("application");
        RecordSources.NONE.row("application", APPLICATION, 7);
        assertThat(RecordSources.NONE.counted()).isEmpty();
    }
}

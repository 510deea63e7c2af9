package org.disclosurereports.inputs;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldTypeTest {

    @Test
    void datesInTheThreeContractFormsAndNoImpossibleDays() throws Exception {
        LocalDate d = LocalDate.of(2024, 3, 5);
        assertThat(FieldType.DATE.parse("2024-03-05")).isEqualTo(d);
        assertThat(FieldType.DATE.parse("2024/03/05")).isEqualTo(d);
        assertThat(FieldType.DATE.parse("2024/3/5")).isEqualTo(d);
        assertThat(FieldType.DATE.parse("2024年3月5日")).isEqualTo(d);
        assertThatThrownBy(() -> FieldType.DATE.parse("2024-02-30")).hasMessageContaining("no such day");
        assertThatThrownBy(() -> FieldType.DATE.parse("05/03/2024")).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> FieldType.DATE.parse("2024.03.05")).hasMessageContaining("not a date");
    }

    @Test
    void agencyCodesAreLettersDigitsDashUnderscoreUpTo64() throws Exception {
        assertThat(FieldType.CODE.parse("SL-GOV_1")).isEqualTo("SL-GOV_1");
        assertThatThrownBy(() -> FieldType.CODE.parse("SL GOV")).hasMessageContaining("only letters");
        assertThatThrownBy(() -> FieldType.CODE.parse("示例")).hasMessageContaining("only letters");
        assertThatThrownBy(() -> FieldType.CODE.parse("A".repeat(65))).hasMessageContaining("64");
    }

    @Test
    void decimalsAreExactNonNegativeAndPlain() throws Exception {
        FieldType fee = FieldType.decimal(24, 6);
        assertThat(fee.parse("5949.088667")).isEqualTo(new BigDecimal("5949.088667"));
        assertThatThrownBy(() -> fee.parse("-1")).hasMessageContaining("negative");
        assertThatThrownBy(() -> fee.parse("1.1234567")).hasMessageContaining("6 decimals");
        assertThatThrownBy(() -> fee.parse("1,000")).hasMessageContaining("separators");
        assertThatThrownBy(() -> fee.parse("1e3")).hasMessageContaining("plain");
    }

    @Test
    void enumeratedValuesAsKeyOrExactChineseLabel() throws Exception {
        FieldType type = FieldType.vocabulary(Map.of("natural_person", "自然人"));
        assertThat(type.parse("自然人")).isEqualTo("natural_person");
        assertThat(type.parse("natural_person")).isEqualTo("natural_person");
        assertThatThrownBy(() -> type.parse("个人")).hasMessageContaining("自然人 natural_person");
    }

    @Test
    void outcomesAlsoWithoutTheirTableNumbering() throws Exception {
        Map<String, String> aliases = InputSchema.unnumbered(Map.of("granted", "（一）予以公开", "rejected_repeat", "2.重复申请",
                "other_other", "3.其他", "x", "1.其他"));
        assertThat(aliases).containsEntry("予以公开", "granted").containsEntry("重复申请", "rejected_repeat");
        assertThat(aliases).doesNotContainKey("其他"); // ambiguous, so not accepted bare
    }

    @Test
    void yesNoAndInterpretationForms() throws Exception {
        assertThat(FieldType.YES_NO.parse("Y")).isEqualTo(true);
        assertThat(FieldType.YES_NO.parse("否")).isEqualTo(false);
        assertThatThrownBy(() -> FieldType.YES_NO.parse("yes")).hasMessageContaining("Y or N");
        FieldType forms = FieldType.list(List.of("文字", "图解"));
        assertThat(forms.parse("文字; 图解")).isEqualTo("文字;图解");
        assertThatThrownBy(() -> forms.parse("文字;漫画")).hasMessageContaining("'漫画'");
    }
}

package org.disclosurereports.inputs;

import org.disclosurereports.core.compliance.Measure;
import org.disclosurereports.core.compliance.WorkPlan;
import org.disclosurereports.core.records.Agency;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkPlanReaderTest {

    private static WorkPlan read(String yaml, boolean strict) {
        return WorkPlanReader.read("workplans/x.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), strict);
    }

    private static final String GOOD = """
            plan: 测试要点
            issuer: 测试
            year: 2024
            applies_to: {levels: [部门], under: SL}
            targets:
              - {id: t1, wording: 年内组织培训不少于1次, measure: trainings.count, comparison: at_least, threshold: 1}
              - {id: t2, wording: 十日内上网, measure: filings.published_within_working_days, days: 10, comparison: at_least, threshold: 100, applies_to: {agencies: [SL]}}
            """;

    @Test
    void readsTargetsAndMatchesAgencies() {
        WorkPlans plans = new WorkPlans(List.of(read(GOOD, true)));
        Agency root = new Agency("SL", "区", null, "区政府", null, null, null, null);
        Agency dept = new Agency("SL-A", "局", "SL", "部门", null, null, null, null);
        plans.checkAgencies(List.of(root, dept));
        assertThat(plans.targetsFor(dept, 2024, c -> c.equals("SL-A") ? List.of("SL", "区") : List.of()).get(0).targets())
                .extracting(WorkPlan.Target::id).containsExactly("t1");
        assertThat(plans.targetsFor(root, 2024, c -> List.of()).get(0).targets()).extracting(WorkPlan.Target::id).containsExactly("t2");
        assertThat(plans.targetsFor(root, 2023, c -> List.of())).isEmpty();
        assertThat(read(GOOD, true).targets().get(0).requirement()).isEqualTo("不少于1次");
    }

    @Test
    void unknownMeasureIsRefusedNamingFileAndField() {
        assertThatThrownBy(() -> read(GOOD.replace("measure: trainings.count", "measure: trainings.hours"), true))
                .isInstanceOf(WorkPlanRefused.class)
                .hasMessageContaining("workplans/x.yaml: targets[0].measure: unknown measure 'trainings.hours'");
        assertThatThrownBy(() -> read(GOOD.replace("days: 10, ", ""), true))
                .hasMessageContaining("targets[1].days");
    }

    @Test
    void unknownAgencyIsRefusedInTheDataDirectory() {
        WorkPlans plans = new WorkPlans(List.of(read(GOOD, true)));
        assertThatThrownBy(() -> plans.checkAgencies(List.of(new Agency("XX", "区", null, null, null, null, null, null))))
                .isInstanceOf(WorkPlanRefused.class)
                .hasMessageContaining("workplans/x.yaml: targets[0].applies_to: no agency with code 'SL'");
    }

    @Test
    void shippedPlansReadAndApplyOnlyWhereTheirAgenciesExist() {
        WorkPlans plans = WorkPlans.load(Path.of("does-not-exist"));
        assertThat(plans.all()).extracting(WorkPlan::year).contains(2022, 2023, 2024);
        plans.checkAgencies(List.of()); // shipped plans are not strict
        Agency town = new Agency("ZX", "青浦区赵巷镇人民政府", null, "镇", null, null, null, null);
        assertThat(plans.targetsFor(town, 2024, c -> List.of())).hasSize(1);
        Agency other = new Agency("SL", "示例区人民政府", null, "区政府", null, null, null, null);
        assertThat(plans.targetsFor(other, 2024, c -> List.of())).isEmpty();
    }
}

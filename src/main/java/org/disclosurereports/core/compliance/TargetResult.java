package org.disclosurereports.core.compliance;

/** One work-plan target for one agency: its measured value and whether it was met. */
public record TargetResult(WorkPlan plan, WorkPlan.Target target, MeasureValue value, Status status) {

    public enum Status {
        MET("已完成"), NOT_MET("未完成"), NO_DATA("无记录，无法核验");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static TargetResult of(WorkPlan plan, WorkPlan.Target t, MeasureValue v) {
        Status s = !v.hasValue() ? Status.NO_DATA
                : t.comparison().holds(v.value(), t.threshold()) ? Status.MET : Status.NOT_MET;
        return new TargetResult(plan, t, v, s);
    }

    /** Figure reference of the value: {@code target.<plan file stem>.<target id>}. */
    public String ref() {
        String f = plan.file();
        String stem = f.substring(f.lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
        return "target." + stem + "." + target.id();
    }
}

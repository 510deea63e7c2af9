package org.disclosurereports.core.rollup;

import org.disclosurereports.core.compliance.AgencyCompliance;
import org.disclosurereports.core.compliance.Measure;
import org.disclosurereports.core.narrative.NarrativeComposer;
import org.disclosurereports.core.narrative.OfficeText;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.narrative.ReportNarrative.Paragraph;
import org.disclosurereports.core.narrative.ReportNarrative.Part;
import org.disclosurereports.core.narrative.ReportNarrative.ToWrite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a summary states beyond its tables, summed over its units as their own reports state it:
 * the trainings and hearings of （五）监督保障 and the 信息处理费 of section 六. Only what is additive is
 * summed. A unit whose report does not state a figure (a return, a unit without data) makes the sum
 * unknown: the sentence is then left to write, naming those units and giving the others' sum, so the
 * office completes it rather than a summary printing a total short of them.
 */
public final class SummaryNarrative {

    /**
     * One unit as its own report states it.
     *
     * @param feesYuan its 信息处理费, null when unknown
     * @param figures  the figures its report states, by reference ({@code measure.trainings.count} …,
     *                 as in its scorecard); a measure absent is one its report does not state
     */
    public record Unit(String name, BigDecimal feesYuan, Map<String, String> figures) {
        public Unit {
            figures = Map.copyOf(figures);
        }
    }

    private SummaryNarrative() {}

    public static ReportNarrative of(ReportNarrative generated, List<Unit> units) {
        List<Part> supervision = new ArrayList<>(AgencyCompliance.supervisionParts(sums(units)));
        List<String> noTrainings = unknown(units, AgencyCompliance.TRAINING_MEASURES);
        List<String> noHearings = unknown(units, AgencyCompliance.HEARING_MEASURES);
        if (!supervision.isEmpty() && (!noTrainings.isEmpty() || !noHearings.isEmpty())) {
            // The sums leave out units that state nothing: the passage says which, for the office to complete.
            String which = noTrainings.equals(noHearings) ? missing(noTrainings, "培训和听取汇报等")
                    : missing(noTrainings, "培训") + missing(noHearings, "听取汇报等");
            supervision.add(new ToWrite(which + "上述数字未计入，请补充"));
        }
        ReportNarrative n = NarrativeComposer.compose(generated, OfficeText.none(), supervision, List.of(), false);
        Map<String, List<Paragraph>> sections = new LinkedHashMap<>(n.sections());
        sections.computeIfPresent("other", (k, ps) -> ps.stream().map(p -> fees(p, units)).toList());
        return new ReportNarrative(sections);
    }

    /** Each measure summed over the units that state the whole clause it belongs to; a clause no unit states is left out. */
    static Map<Measure, String> sums(List<Unit> units) {
        Map<Measure, String> values = new LinkedHashMap<>();
        for (List<Measure> clause : List.of(AgencyCompliance.TRAINING_MEASURES, AgencyCompliance.HEARING_MEASURES)) {
            List<Unit> stating = units.stream().filter(u -> states(u, clause)).toList();
            if (stating.isEmpty()) {
                continue;
            }
            for (Measure m : clause) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Unit u : stating) {
                    sum = sum.add(new BigDecimal(u.figures().get(AgencyCompliance.measureRef(m))));
                }
                values.put(m, sum.toPlainString());
            }
        }
        return values;
    }

    private static boolean states(Unit u, List<Measure> clause) {
        return clause.stream().allMatch(m -> u.figures().containsKey(AgencyCompliance.measureRef(m)));
    }

    private static List<String> unknown(List<Unit> units, List<Measure> clause) {
        return units.stream().filter(u -> !states(u, clause)).map(Unit::name).toList();
    }

    private static String missing(List<String> names, String what) {
        return names.isEmpty() ? "" : String.join("、", names) + "未报送" + what + "情况，";
    }

    /** The fee paragraph when the sum is unknown: which units lack it, and the others' sum. */
    private static Paragraph fees(Paragraph p, List<Unit> units) {
        if (!ReportNarrative.PROCESSING_FEES_SLOT.equals(p.slot()) || p.parts().stream().noneMatch(x -> x instanceof ToWrite)) {
            return p;
        }
        List<String> unknown = units.stream().filter(u -> u.feesYuan() == null).map(Unit::name).toList();
        if (unknown.isEmpty()) {
            return p;
        }
        BigDecimal known = units.stream().filter(u -> u.feesYuan() != null).map(Unit::feesYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        long knownUnits = units.stream().filter(u -> u.feesYuan() != null).count();
        String what = "本年度收取信息处理费情况（" + String.join("、", unknown) + "未报送信息处理费"
                + (knownUnits > 0 ? "；其余" + knownUnits + "个单位合计" + known.stripTrailingZeros().toPlainString() + "元" : "") + "）";
        return new Paragraph(p.heading(), List.of(new ToWrite(what)), p.slot());
    }
}

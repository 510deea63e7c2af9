package org.disclosurereports.core.narrative;

import org.disclosurereports.core.narrative.ReportNarrative.Paragraph;
import org.disclosurereports.core.narrative.ReportNarrative.Part;
import org.disclosurereports.core.narrative.ReportNarrative.Text;
import org.disclosurereports.core.narrative.ReportNarrative.ToWrite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a report's narrative together: the paragraphs generated from the tables stay as they are
 * ({@link ReportNarrative#of}); the office's own text ({@link OfficeText}) replaces the passages
 * marked to be written; figures counted from trainings, hearings, reply deadlines and the work plan
 * are added where the format puts them (（五）监督保障 in section 一, section 六). Section 一's
 * sub-sections are found by the layout's key ({@link Paragraph#slot()}), never by their wording. Whatever is neither
 * generated nor written stays a {@link ToWrite}, so the report stays a draft.
 */
public final class NarrativeComposer {

    private NarrativeComposer() {}

    /**
     * @param supervision generated figures for （五）监督保障, or empty when there are no such records
     * @param other       generated paragraphs for section 六 (reply deadlines, work-plan targets), in order
     * @param targetsStated true when {@code other} states the year's work-plan targets
     */
    public static ReportNarrative compose(ReportNarrative generated, OfficeText office, List<Part> supervision,
                                          List<Paragraph> other, boolean targetsStated) {
        Map<String, List<Paragraph>> sections = new LinkedHashMap<>(generated.sections());
        sections.computeIfPresent("overview", (k, ps) -> overview(ps, office, supervision));
        sections.computeIfPresent("problems", (k, ps) -> office.get(OfficeText.Slot.PROBLEMS)
                .map(NarrativeComposer::plain).orElse(ps));
        sections.computeIfPresent("other", (k, ps) -> other(ps, office, other, targetsStated));
        return new ReportNarrative(sections);
    }

    private static List<Paragraph> overview(List<Paragraph> generated, OfficeText office, List<Part> supervision) {
        List<Paragraph> out = new ArrayList<>(office.get(OfficeText.Slot.OVERVIEW).map(NarrativeComposer::plain).orElse(List.of()));
        for (Paragraph p : generated) {
            Optional<OfficeText.Slot> slot = OfficeText.Slot.ofOverviewSlot(p.slot());
            if (slot.isPresent()) {
                out.addAll(written(p, office, slot.get(), slot.get() == OfficeText.Slot.SUPERVISION ? supervision : List.of()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** A sub-section: generated figures first, then the office's paragraphs, else what is left to write. */
    private static List<Paragraph> written(Paragraph marker, OfficeText office, OfficeText.Slot slot, List<Part> figures) {
        List<Paragraph> out = new ArrayList<>();
        List<String> text = office.get(slot).orElse(List.of());
        if (!figures.isEmpty()) {
            out.add(new Paragraph(marker.heading(), figures));
        }
        if (text.isEmpty()) {
            List<Part> parts = marker.parts();
            if (!figures.isEmpty() && parts.size() == 1 && parts.get(0) instanceof ToWrite w) {
                parts = List.of(new ToWrite("工作考核、社会评议和责任追究结果等情况（培训和听取汇报等情况已根据记录生成）"));
            }
            out.add(new Paragraph(out.isEmpty() ? marker.heading() : null, parts));
        } else {
            for (String t : text) {
                out.add(new Paragraph(out.isEmpty() ? marker.heading() : null, List.of(new Text(t))));
            }
        }
        return out;
    }

    private static List<Paragraph> other(List<Paragraph> generated, OfficeText office, List<Paragraph> added, boolean targetsStated) {
        List<Paragraph> out = new ArrayList<>();
        Paragraph marker = null;
        for (Paragraph p : generated) {
            // The fee paragraph stays whatever it says: when the fee is unknown it is a gap of its own.
            boolean onlyToWrite = p.slot() == null && p.parts().size() == 1 && p.parts().get(0) instanceof ToWrite;
            if (onlyToWrite) {
                marker = p;
            } else {
                out.add(p);
            }
        }
        out.addAll(added);
        List<String> text = office.get(OfficeText.Slot.OTHER).orElse(List.of());
        if (!text.isEmpty()) {
            out.addAll(plain(text));
        } else if (marker != null) {
            out.add(targetsStated ? new Paragraph(null, List.of(new ToWrite("其他需要报告的事项（无则写明“无”）"))) : marker);
        }
        return out;
    }

    private static List<Paragraph> plain(List<String> text) {
        return text.stream().map(t -> new Paragraph(null, List.of(new Text(t)))).toList();
    }
}

package org.disclosurereports.core.compliance;

import org.disclosurereports.core.records.Activity;
import org.disclosurereports.core.records.Disclosure;
import org.disclosurereports.core.records.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the measures of {@link Measure} for one agency and year from its records, fed one record at a
 * time. Plain Java: the job streams the records in, unit tests feed hand-made ones.
 * <ul>
 *   <li>trainings and hearings: those held in the year, by kind;</li>
 *   <li>filings: documents issued in the year ({@code issued_date} in the year);</li>
 *   <li>applications: the {@link ReplyDeadlines} summary of the year.</li>
 * </ul>
 */
public final class AgencyMeasures {

    private final int year;
    private final WorkingDayCalendar calendar;
    private long trainings;
    private long generalTrainings;
    private long specialistTrainings;
    private long attendees;
    private final Map<Measure, Long> hearings = new EnumMap<>(Measure.class);
    private long documentsIssued;
    private long proactiveIssued;
    private long interpreted;
    private long multiform;
    /** issued, published (or null) of the 主动公开 documents issued in the year. */
    private final List<LocalDate[]> proactiveDates = new ArrayList<>();
    private ReplyDeadlines.Summary replies;

    public AgencyMeasures(int year, WorkingDayCalendar calendar) {
        this.year = year;
        this.calendar = calendar;
    }

    public void training(Activity t) {
        if (t.date().getYear() != year) {
            return;
        }
        trainings++;
        switch (t.kind()) {
            case "general" -> generalTrainings++;
            case "specialist" -> specialistTrainings++;
            default -> { }
        }
        if (t.people() != null) {
            attendees += t.people();
        }
    }

    public void hearing(Activity h) {
        if (h.date().getYear() != year) {
            return;
        }
        Measure m = switch (h.kind()) {
            case "leadership_briefing" -> Measure.LEADERSHIP_BRIEFINGS;
            case "public_attendance" -> Measure.PUBLIC_ATTENDANCE;
            case "public_hearing" -> Measure.PUBLIC_HEARINGS;
            case "forum" -> Measure.FORUMS;
            case "open_day" -> Measure.OPEN_DAYS;
            default -> throw new IllegalStateException("unknown hearing kind in database: " + h.kind());
        };
        hearings.merge(m, 1L, Long::sum);
    }

    public void document(Document d) {
        if (d.issuedDate().getYear() != year) {
            return;
        }
        documentsIssued++;
        if (d.disclosure() == Disclosure.PROACTIVE) {
            proactiveIssued++;
            proactiveDates.add(new LocalDate[]{d.issuedDate(), d.publishedDate()});
        }
        String forms = d.interpretationForms();
        if (d.interpretationDate() != null || (forms != null && !forms.isBlank())) {
            interpreted++;
            if (forms != null && List.of(forms.split(";")).stream().anyMatch(f -> !f.isBlank() && !f.equals("文字"))) {
                multiform++;
            }
        }
    }

    public void replies(ReplyDeadlines.Summary summary) {
        this.replies = summary;
    }

    public ReplyDeadlines.Summary replies() {
        return replies;
    }

    /** The measure's value; {@code days} only for {@link Measure#PUBLISHED_WITHIN}. */
    public MeasureValue value(Measure m, Integer days) {
        return switch (m) {
            case TRAININGS_COUNT -> MeasureValue.count(trainings);
            case TRAININGS_GENERAL_COUNT -> MeasureValue.count(generalTrainings);
            case TRAININGS_SPECIALIST_COUNT -> MeasureValue.count(specialistTrainings);
            case TRAININGS_ATTENDEES -> MeasureValue.count(attendees);
            case LEADERSHIP_BRIEFINGS, PUBLIC_ATTENDANCE, PUBLIC_HEARINGS, FORUMS, OPEN_DAYS ->
                    MeasureValue.count(hearings.getOrDefault(m, 0L));
            case INTERPRETATIONS -> MeasureValue.count(interpreted);
            case MULTIFORM_RATE -> MeasureValue.rate(multiform, interpreted);
            case PROACTIVE_RATE -> MeasureValue.rate(proactiveIssued, documentsIssued);
            case PUBLISHED_WITHIN -> {
                if (days == null) {
                    throw new IllegalArgumentException(m.key() + " needs days");
                }
                long within = proactiveDates.stream()
                        .filter(p -> p[1] != null && !p[1].isAfter(calendar.plusWorkingDays(p[0], days))).count();
                yield MeasureValue.rate(within, proactiveDates.size());
            }
            case REPLIES_ON_TIME_RATE -> MeasureValue.rate(replies.onTime(), replies.closed());
            case REPLIES_OVERDUE -> MeasureValue.count(replies.overdueTotal());
        };
    }
}

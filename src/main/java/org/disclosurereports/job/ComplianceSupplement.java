package org.disclosurereports.job;

import org.disclosurereports.core.compliance.AgencyCompliance;
import org.disclosurereports.core.compliance.AgencyMeasures;
import org.disclosurereports.core.compliance.ReplyDeadlines;
import org.disclosurereports.core.compliance.WorkingDayCalendar;
import org.disclosurereports.core.figures.FiguresSource;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.inputs.OfficeTexts;
import org.disclosurereports.inputs.WorkPlans;
import org.disclosurereports.outputs.ComplianceFiles;
import org.disclosurereports.store.ActivityStore;
import org.disclosurereports.store.AgencyRecords;
import org.disclosurereports.store.HolidayStore;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RecordWindow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per agency, what the work plans, deadlines and office texts add to a report. This class only gathers
 * what is read — the agency's trainings, hearings, documents and applications from the store, the
 * office's texts and the work plans in force from the inputs — and hands it down: {@link AgencyCompliance}
 * computes the figures, the narrative and the scorecard, {@link ComplianceFiles} makes the files beside
 * the report ({@code late-replies.csv}, {@code narrative-check.json}, {@code scorecard.json},
 * {@code scorecard.html}).
 */
public final class ComplianceSupplement {

    /** The narrative to print and the extra files of one report. */
    public record Result(ReportNarrative narrative, Map<String, byte[]> files) {}

    private final RecordWindow records;
    private final ActivityStore activities;
    private final WorkingDayCalendar calendar;
    private final WorkPlans plans;
    private final ComplianceFiles files;
    private final Path dataDir;
    private final int year;
    private final Map<String, Agency> agencies = new HashMap<>();
    private final boolean trainingsRecorded;
    private final boolean hearingsRecorded;

    /** @param records the agencies' documents and applications, as the report's figures are counted from them */
    public ComplianceSupplement(RecordStore store, RecordWindow records, WorkingDayCalendar calendar, WorkPlans plans,
                                ComplianceFiles files, Path dataDir, int year) {
        this.records = records;
        this.activities = new ActivityStore(store);
        this.calendar = calendar;
        this.plans = plans;
        this.files = files;
        this.dataDir = dataDir;
        this.year = year;
        List<Agency> all = store.allAgencies();
        all.forEach(a -> agencies.put(a.code(), a));
        plans.checkAgencies(all);
        this.trainingsRecorded = activities.anyTrainings();
        this.hearingsRecorded = activities.anyHearings();
    }

    /** For a run: the shipped calendar with holidays.csv, the shipped and the data directory's work plans. */
    public static ComplianceSupplement forRun(RecordStore store, RecordWindow records, ComplianceFiles files, Path dataDir, int year) {
        return new ComplianceSupplement(store, records, new HolidayStore(store).calendar(), WorkPlans.load(dataDir), files, dataDir, year);
    }

    /** @param source where the tables come from: what the text may state as fact depends on it */
    public Result apply(Agency agency, StatutoryTables tables, FiguresSource source, ReportNarrative generated) {
        AgencyCompliance compliance = AgencyCompliance.of(read(agency, source), tables, generated);
        return new Result(compliance.narrative(), files.of(compliance));
    }

    private AgencyCompliance.Inputs read(Agency agency, FiguresSource source) {
        AgencyMeasures m = new AgencyMeasures(year, calendar);
        activities.trainings(agency.code(), year, m::training);
        activities.hearings(agency.code(), year, m::hearing);
        AgencyRecords read = records.of(agency.code(), year);
        read.documents(year, m::document);
        ReplyDeadlines deadlines = new ReplyDeadlines(calendar, year);
        read.applications(year, deadlines::accept);
        m.replies(deadlines.summary());
        return new AgencyCompliance.Inputs(agency, year, trainingsRecorded, hearingsRecorded, m, plans.targetsFor(agency, year, this::ancestors),
                OfficeTexts.read(dataDir, agency.code(), year), OfficeTexts.read(dataDir, agency.code(), year - 1), source);
    }

    /** Codes and names of the agency's ancestors, nearest first (for plans that apply "under" a unit). */
    List<String> ancestors(String code) {
        List<String> up = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Agency a = agencies.get(code);
        while (a != null && a.parentCode() != null && seen.add(a.code())) {
            Agency p = agencies.get(a.parentCode());
            if (p == null) {
                break;
            }
            up.add(p.code());
            up.add(p.name());
            a = p;
        }
        return up;
    }
}

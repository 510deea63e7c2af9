package org.disclosurereports.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of the next few agencies a step will count, read together ({@link RecordStore#records}):
 * one query per record kind for a window of agencies instead of four or more per agency. The window
 * covers a run's year and the year before (the cross-year rules count both); asking for an agency
 * outside it reads the next {@code size} agencies of the plan starting at that one (so a step restarted
 * in the middle of its list starts its window where it resumes), or that agency alone when it is not in
 * the plan. A year outside the span is read for that agency alone. Only one window is held at a time.
 * Not final: the report step's window is a step-scoped bean, proxied by subclassing.
 */
public class RecordWindow {

    /** Agencies read together unless a setting says otherwise: a few thousand records each at province scale. */
    public static final int DEFAULT_SIZE = 50;

    private final RecordStore store;
    private final int firstYear;
    private final int lastYear;
    private final List<String> plan;
    private final Map<String, Integer> positions = new HashMap<>();
    private final int size;
    private Map<String, AgencyRecords> window = Map.of();

    /**
     * @param year the run's year: the window holds it and the year before
     * @param plan the agency codes in the order they will be counted
     * @param size how many agencies of the plan one window reads
     */
    public RecordWindow(RecordStore store, int year, List<String> plan, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a window of records holds at least one agency, not " + size);
        }
        this.store = store;
        this.firstYear = year - 1;
        this.lastYear = year;
        this.plan = List.copyOf(plan);
        this.size = size;
        for (int i = 0; i < this.plan.size(); i++) {
            positions.putIfAbsent(this.plan.get(i), i);
        }
    }

    /** Without a plan: each agency's records of {@code year} and the year before, read when it is counted. */
    public static RecordWindow eachAlone(RecordStore store, int year) {
        return new RecordWindow(store, year, List.of(), 1);
    }

    /** An agency's records that can count in {@code year}. */
    public synchronized AgencyRecords of(String agencyCode, int year) {
        if (year < firstYear || year > lastYear) {
            return store.records(List.of(agencyCode), year, year).get(agencyCode);
        }
        AgencyRecords records = window.get(agencyCode);
        if (records == null) {
            window = read(windowFrom(agencyCode));
            records = window.get(agencyCode);
        }
        return records;
    }

    /** A window that cannot be read is read for its first agency alone: a row that cannot be read fails its own unit only. */
    private Map<String, AgencyRecords> read(List<String> agencies) {
        try {
            return store.records(agencies, firstYear, lastYear);
        } catch (RuntimeException e) {
            if (agencies.size() == 1) {
                throw e;
            }
            window = Map.of();
            return store.records(agencies.subList(0, 1), firstYear, lastYear);
        }
    }

    private List<String> windowFrom(String agencyCode) {
        Integer at = positions.get(agencyCode);
        return at == null ? List.of(agencyCode) : plan.subList(at, Math.min(plan.size(), at + size));
    }
}

package org.disclosurereports.store;

import org.disclosurereports.core.compliance.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The office's holidays.csv in the database: global, not per agency. */
public final class HolidayStore {

    private final RecordStore store;

    public HolidayStore(RecordStore store) {
        this.store = store;
    }

    public Map<LocalDate, WorkingDayCalendar.DayKind> overrides() {
        Map<LocalDate, WorkingDayCalendar.DayKind> m = new HashMap<>();
        store.jdbc().query("SELECT holiday_date, kind FROM holiday", rs -> {
            m.put(rs.getDate(1).toLocalDate(), WorkingDayCalendar.kindOf(rs.getString(2), "holidays.csv"));
        });
        return m;
    }

    /** The shipped calendar with the loaded holidays.csv applied. */
    public WorkingDayCalendar calendar() {
        return WorkingDayCalendar.official().withOverrides(overrides());
    }

    /** A holidays.csv given in a load is the whole set of overrides: rows it no longer has go. */
    public int pruneNotInLoad(long loadId) {
        int removed = store.jdbc().update("DELETE FROM holiday WHERE load_id < ?", loadId);
        if (removed > 0) {
            store.wrote("holiday");
        }
        return removed;
    }
}

package org.disclosurereports.store;

import org.disclosurereports.core.records.Activity;

import java.sql.Date;
import java.time.LocalDate;
import java.util.function.Consumer;

/** Reads trainings and hearings (trainings.csv, hearings.csv) of one agency held in one year. */
public final class ActivityStore {

    private final RecordStore store;

    public ActivityStore(RecordStore store) {
        this.store = store;
    }

    public void trainings(String agencyCode, int year, Consumer<Activity> sink) {
        read("SELECT agency_code, training_id, training_date, title, kind, attendees FROM training", "training_date", agencyCode, year, sink);
    }

    public void hearings(String agencyCode, int year, Consumer<Activity> sink) {
        read("SELECT agency_code, hearing_id, hearing_date, title, kind, participants FROM hearing", "hearing_date", agencyCode, year, sink);
    }

    /** True when any training of any agency and year is loaded: without one, the report states no training figures. */
    public boolean anyTrainings() {
        return any("training");
    }

    /** True when any hearing of any agency and year is loaded. */
    public boolean anyHearings() {
        return any("hearing");
    }

    private boolean any(String table) {
        Long n = store.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n != null && n > 0;
    }

    private void read(String select, String dateColumn, String agencyCode, int year, Consumer<Activity> sink) {
        store.jdbc().query(select + " WHERE agency_code = ? AND " + dateColumn + " BETWEEN ? AND ? ORDER BY 2", rs -> {
            long people = rs.getLong(6);
            sink.accept(new Activity(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                    rs.getString(5), rs.wasNull() ? null : people));
        }, agencyCode, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
    }
}

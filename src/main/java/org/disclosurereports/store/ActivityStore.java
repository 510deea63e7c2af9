package org.disclosurereports.store;


import java.sql.Date;
import java.time.LocalDate;
import java.util.function.Consumer;

/** Reads trainings and hearings (trainings.csv, hearings.csv) of one agency held in one year. */
public final class ActivityStore {

    /** A 培训 or 听取汇报/听证会/座谈会/公众列席/开放活动 record; {@code kind} is the contract's English key. */
    public record Activity(String agencyCode, String id, LocalDate date, String title, String kind, Long people) {}

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

    private void read(String select, String dateColumn, String agencyCode, int year, Consumer<Activity> sink) {
        store.jdbc().query(select + " WHERE agency_code = ? AND " + dateColumn + " BETWEEN ? AND ? ORDER BY 2", rs -> {
            long people = rs.getLong(6);
            sink.accept(new Activity(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                    rs.getString(5), rs.wasNull() ? null : people));
        }, agencyCode, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
    }
}

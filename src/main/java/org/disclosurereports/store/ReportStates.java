package org.disclosurereports.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Tables {@code report_state} and {@code report_transition}: where each report of the review console
 * stands, and every change that brought it there. Which changes are allowed is the console's
 * ({@code console.ReportLifeCycle}); this class stores them, the state and its transition in one transaction.
 */
@Component
public class ReportStates {

    public enum State {
        DRAFT, SUBMITTED, RETURNED, APPROVED, PUBLISHED;

        public String id() {
            return name().toLowerCase();
        }

        static State of(String id) {
            return valueOf(id.toUpperCase());
        }
    }

    public record Current(String agencyCode, int year, State state, String publishedUrl, Instant changedAt) {}

    public record Transition(String agencyCode, int year, int seq, State from, State to, String actor, Instant at,
                             String comment, String url) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ReportStates(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The report's state; a report the console never touched is a draft. */
    public Current current(String agencyCode, int year) {
        return jdbc.query("SELECT * FROM report_state WHERE agency_code = ? AND report_year = ?", ReportStates::current, agencyCode, year)
                .stream().findFirst().orElse(new Current(agencyCode, year, State.DRAFT, null, null));
    }

    /** Agency code → state, for the reports of the year that have left the draft state at least once. */
    public Map<String, Current> ofYear(int year) {
        Map<String, Current> m = new TreeMap<>();
        jdbc.query("SELECT * FROM report_state WHERE report_year = ?", ReportStates::current, year).forEach(c -> m.put(c.agencyCode(), c));
        return m;
    }

    public List<Transition> transitions(String agencyCode, int year) {
        return jdbc.query("SELECT * FROM report_transition WHERE agency_code = ? AND report_year = ? ORDER BY seq",
                ReportStates::transition, agencyCode, year);
    }

    /**
     * Moves the report from {@code from} to {@code to}, recording the transition.
     *
     * @return false when the report was no longer in state {@code from} (someone else changed it first)
     */
    public boolean move(String agencyCode, int year, State from, State to, String actor, String comment, String url) {
        Boolean moved = transaction.execute(status -> {
            Timestamp now = Timestamp.from(Instant.now());
            Optional<State> stored = jdbc.queryForList("SELECT state FROM report_state WHERE agency_code = ? AND report_year = ? FOR UPDATE",
                    String.class, agencyCode, year).stream().findFirst().map(State::of);
            if (stored.orElse(State.DRAFT) != from) {
                return false;
            }
            String publishedUrl = to == State.PUBLISHED ? url : null;
            if (stored.isPresent()) {
                jdbc.update("UPDATE report_state SET state = ?, published_url = ?, changed_at = ? WHERE agency_code = ? AND report_year = ?",
                        to.id(), publishedUrl, now, agencyCode, year);
            } else {
                jdbc.update("INSERT INTO report_state (agency_code, report_year, state, published_url, changed_at) VALUES (?, ?, ?, ?, ?)",
                        agencyCode, year, to.id(), publishedUrl, now);
            }
            Integer last = jdbc.queryForObject("SELECT MAX(seq) FROM report_transition WHERE agency_code = ? AND report_year = ?",
                    Integer.class, agencyCode, year);
            jdbc.update("INSERT INTO report_transition (agency_code, report_year, seq, from_state, to_state, actor, changed_at, comment_text, url) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", agencyCode, year, last == null ? 1 : last + 1, from.id(), to.id(), actor, now,
                    comment, url);
            return true;
        });
        return Boolean.TRUE.equals(moved);
    }

    private static Current current(ResultSet rs, int n) throws SQLException {
        return new Current(rs.getString("agency_code"), rs.getInt("report_year"), State.of(rs.getString("state")),
                rs.getString("published_url"), rs.getTimestamp("changed_at").toInstant());
    }

    private static Transition transition(ResultSet rs, int n) throws SQLException {
        return new Transition(rs.getString("agency_code"), rs.getInt("report_year"), rs.getInt("seq"), State.of(rs.getString("from_state")),
                State.of(rs.getString("to_state")), rs.getString("actor"), rs.getTimestamp("changed_at").toInstant(),
                rs.getString("comment_text"), rs.getString("url"));
    }
}

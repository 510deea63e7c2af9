package org.disclosurereports.console;

import org.disclosurereports.core.records.Agency;
import org.disclosurereports.operations.ReportSeal;
import org.disclosurereports.store.ReportStates;
import org.disclosurereports.store.ReportStates.State;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * A report's life: {@code draft} → {@code submitted} (by the unit, only when nothing blocks it) →
 * {@code returned} with a reason, or {@code approved} (by a reviewer above it) → {@code published} with
 * the address it was published at (reviewer or unit) → corrected: unsealed with a reason, back to draft.
 * <p>
 * From submission until it is returned or corrected, the report is <b>sealed</b> exactly as {@code seal}
 * seals it ({@link ReportSeal}): nightly runs leave its files alone and list, in
 * {@code sealed-differences.csv}, any figure that changed since. Publishing keeps that seal, so what is
 * published is what was submitted and approved.
 */
@Component
@ConditionalOnProperty(name = "disclosure.console.enabled", havingValue = "true")
public class ReportLifeCycle {

    /** A change the state or the report does not allow, with the sentence (Chinese) the page shows. */
    public static final class Refused extends RuntimeException {
        private final List<String> reasons;

        public Refused(String message, List<String> reasons) {
            super(message);
            this.reasons = List.copyOf(reasons);
        }

        public Refused(String message) {
            this(message, List.of());
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    private final ReportStates states;
    private final ReportSeal seal;
    private final ConsoleReports reports;
    private final ConsoleSettings settings;

    public ReportLifeCycle(ReportStates states, ReportSeal seal, ConsoleReports reports, ConsoleSettings settings) {
        this.states = states;
        this.seal = seal;
        this.reports = reports;
        this.settings = settings;
    }

    public void submit(Agency agency, int year, String by) {
        State from = states.current(agency.code(), year).state();
        if (from != State.DRAFT && from != State.RETURNED) {
            throw new Refused("只有草稿或已退回的报告可以提交。");
        }
        ConsoleReports.Built built = reports.build(agency, year);
        if (!built.blockers().isEmpty()) {
            throw new Refused("报告尚不能提交：", built.blockers());
        }
        try {
            reports.store(built, year);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sealOrRefuse(agency.code(), year, by);
        move(agency.code(), year, from, State.SUBMITTED, by, null, null);
    }

    public void returnToUnit(String code, int year, String by, String reason) {
        requireText(reason, "退回须写明原因。");
        State from = states.current(code, year).state();
        if (from != State.SUBMITTED && from != State.APPROVED) {
            throw new Refused("只有已提交或已审核通过的报告可以退回。");
        }
        seal.unseal(code, year);
        move(code, year, from, State.RETURNED, by, reason.strip(), null);
    }

    public void approve(String code, int year, String by, String comment) {
        requireState(code, year, State.SUBMITTED, "只有已提交的报告可以审核通过。");
        move(code, year, State.SUBMITTED, State.APPROVED, by, blankToNull(comment), null);
    }

    public void publish(String code, int year, String by, String url) {
        requireState(code, year, State.APPROVED, "只有审核通过的报告可以发布。");
        String address = url == null ? "" : url.strip();
        if (!isWebAddress(address)) {
            throw new Refused("请填写报告发布的网址（以 http:// 或 https:// 开头）。");
        }
        sealOrRefuse(code, year, by);
        move(code, year, State.APPROVED, State.PUBLISHED, by, null, address);
    }

    public void correct(String code, int year, String by, String reason) {
        requireText(reason, "更正须写明原因。");
        requireState(code, year, State.PUBLISHED, "只有已发布的报告可以更正。");
        seal.unseal(code, year);
        move(code, year, State.PUBLISHED, State.DRAFT, by, reason.strip(), null);
    }

    private void sealOrRefuse(String code, int year, String by) {
        ReportSeal.Outcome outcome = seal.seal(settings.out(), year, code, by);
        if (!outcome.sealed()) {
            throw new Refused("报告未能定稿：" + outcome.message());
        }
    }

    private void requireState(String code, int year, State state, String message) {
        if (states.current(code, year).state() != state) {
            throw new Refused(message);
        }
    }

    private void move(String code, int year, State from, State to, String by, String comment, String url) {
        if (!states.move(code, year, from, to, by, comment, url)) {
            throw new Refused("报告状态已被他人更改，请刷新页面后重试。");
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new Refused(message);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean isWebAddress(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

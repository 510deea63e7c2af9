package org.disclosurereports.console;

import org.disclosurereports.core.narrative.OfficeText;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.store.ConsoleAccounts.Role;
import org.disclosurereports.store.ReportStates;
import org.disclosurereports.store.ReportStates.State;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's pages and actions, addressed by year and agency code ({@code /reports/2024/SL-JD1}).
 * Every handler checks the signed-in account's agency scope ({@link AgencyScope}) before it reads or
 * changes anything; a request outside it is answered 403 and logged. Pages are rendered by the
 * project's one FreeMarker configuration ({@code render/Templates}, templates {@code console-*.ftlh}),
 * which escapes everything it prints, office text included.
 */
@Controller
@ConditionalOnProperty(name = "disclosure.console.enabled", havingValue = "true")
public class ConsoleController {

    private static final Logger log = LoggerFactory.getLogger(ConsoleController.class);
    private static final String YEAR = "{year:\\d{4}}";
    private static final String REPORT = "/reports/" + YEAR + "/{code}";

    /** A request outside the account's scope. */
    static final class OutsideScope extends RuntimeException {
        OutsideScope(String message) {
            super(message);
        }
    }

    /** A page or file that does not exist (yet). */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }

    private final ConsoleSettings settings;
    private final ConsoleReports reports;
    private final ReportLifeCycle lifeCycle;
    private final ReportStates states;

    public ConsoleController(ConsoleSettings settings, ConsoleReports reports, ReportLifeCycle lifeCycle, ReportStates states) {
        this.settings = settings;
        this.reports = reports;
        this.lifeCycle = lifeCycle;
        this.states = states;
    }

    @GetMapping("/login")
    ResponseEntity<String> login(HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", request.getParameter("error") != null);
        model.put("loggedOut", request.getParameter("logout") != null);
        model.put("csrf", csrf(request));
        return page("console-login.ftlh", model);
    }

    @GetMapping("/")
    ResponseEntity<String> home() {
        return redirect("/reports");
    }

    @GetMapping("/reports")
    ResponseEntity<String> list(@AuthenticationPrincipal ConsoleUser user, HttpServletRequest request) {
        AgencyScope scope = reports.scope();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int year : reports.years()) {
            Map<String, ReportStates.Current> ofYear = states.ofYear(year);
            for (String code : scope.visible(user)) {
                if (reports.file(year, code, "report.html").isEmpty()) {
                    continue;
                }
                State state = Optional.ofNullable(ofYear.get(code)).map(ReportStates.Current::state).orElse(State.DRAFT);
                rows.add(Map.of("year", year, "code", code, "name", scope.agency(code).map(Agency::name).orElse(code),
                        "state", state.id(), "stateLabel", StateLabels.label(state)));
            }
        }
        Map<String, Object> model = base(user, request);
        model.put("rows", rows);
        model.put("years", reports.years());
        model.put("reviews", user.role() != Role.UNIT);
        return page("console-reports.ftlh", model);
    }

    @GetMapping(REPORT)
    ResponseEntity<String> report(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                  HttpServletRequest request) {
        AgencyScope scope = see(user, code, request);
        Agency agency = scope.agency(code).orElseThrow();
        ReportStates.Current current = states.current(code, year);
        Map<String, Object> model = base(user, request);
        model.put("year", year);
        model.put("code", code);
        model.put("name", agency.name());
        model.put("state", current.state().id());
        model.put("stateLabel", StateLabels.label(current.state()));
        model.put("publishedUrl", Optional.ofNullable(current.publishedUrl()).orElse(""));
        model.put("built", reports.file(year, code, "report.html").isPresent());
        model.put("findings", reports.findings(year, code));
        model.put("toWrite", reports.toWrite(year, code));
        model.put("differences", reports.sealedDifferences(year, code));
        model.put("sealed", reports.file(year, code, ".sealed").isPresent());
        model.put("passages", reports.passages(code, year).stream().map(ConsoleController::passageRow).toList());
        model.put("transitions", states.transitions(code, year).stream().map(ConsoleController::transitionRow).toList());
        model.put("canWrite", scope.canWrite(user, code));
        model.put("editable", scope.canWrite(user, code) && (current.state() == State.DRAFT || current.state() == State.RETURNED));
        model.put("canReview", scope.canReview(user, code));
        model.put("canPublish", scope.canReview(user, code) || scope.canWrite(user, code));
        model.put("canSeeEvidence", scope.canSeeEvidence(user, code));
        model.put("hasSummary", reports.file(year, code, "summary/report.html").isPresent());
        LocalDate due = settings.deadlines().due(year, scope.agency(code).map(Agency::isRoot).orElse(false));
        model.put("due", due.toString());
        model.put("daysLeft", ChronoUnit.DAYS.between(LocalDate.now(settings.clock()), due));
        return page("console-report.ftlh", model);
    }

    @GetMapping(REPORT + "/draft")
    ResponseEntity<String> draft(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                 HttpServletRequest request) {
        see(user, code, request);
        return html(reports.file(year, code, "report.html").orElseThrow(() -> new Missing("本年度报告尚未生成。")));
    }

    @GetMapping(REPORT + "/summary")
    ResponseEntity<String> summary(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                   HttpServletRequest request) {
        see(user, code, request);
        return html(reports.file(year, code, "summary/report.html").orElseThrow(() -> new Missing("没有汇总报告。")));
    }

    @GetMapping(REPORT + "/evidence")
    ResponseEntity<String> evidence(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                    HttpServletRequest request) {
        AgencyScope scope = reports.scope();
        allow(scope.canSeeEvidence(user, code), user, code, request);
        return html(reports.file(year, code, "evidence/index.html").orElseThrow(() -> new Missing("没有依据页。")));
    }

    @GetMapping(REPORT + "/preview")
    ResponseEntity<String> preview(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                   HttpServletRequest request) {
        AgencyScope scope = see(user, code, request);
        return html(reports.build(scope.agency(code).orElseThrow(), year).html().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(REPORT + "/passages/{slot}")
    ResponseEntity<String> passage(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                   @PathVariable String slot, HttpServletRequest request) {
        AgencyScope scope = reports.scope();
        allow(scope.canWrite(user, code), user, code, request);
        OfficeText.Slot s = ConsoleReports.slot(slot).orElseThrow(() -> new Missing("没有这一段落。"));
        ConsoleReports.Passage p = reports.passage(code, year, s);
        Map<String, Object> model = base(user, request);
        model.put("year", year);
        model.put("code", code);
        model.put("name", scope.agency(code).map(Agency::name).orElse(code));
        model.put("passage", passageRow(p));
        model.put("text", p.source() == ConsoleReports.Source.CONSOLE ? p.latest().orElseThrow().body() : Optional.ofNullable(p.printed()).orElse(""));
        model.put("history", reports.history(code, year, s).stream().map(v -> Map.of("version", v.version(), "savedBy", v.savedBy(),
                "savedAt", v.savedAt().atZone(ConsoleSettings.OFFICE_ZONE).toLocalDateTime().withNano(0).toString(), "body", v.body())).toList());
        State state = states.current(code, year).state();
        model.put("editable", state == State.DRAFT || state == State.RETURNED);
        return page("console-passage.ftlh", model);
    }

    @PostMapping(REPORT + "/passages/{slot}")
    ResponseEntity<String> savePassage(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                       @PathVariable String slot, @RequestParam(defaultValue = "") String text,
                                       HttpServletRequest request) throws IOException {
        AgencyScope scope = reports.scope();
        allow(scope.canWrite(user, code), user, code, request);
        OfficeText.Slot s = ConsoleReports.slot(slot).orElseThrow(() -> new Missing("没有这一段落。"));
        State state = states.current(code, year).state();
        if (state != State.DRAFT && state != State.RETURNED) {
            throw new ReportLifeCycle.Refused("报告" + StateLabels.label(state) + "，不能修改。");
        }
        reports.save(code, year, s, text, user.getUsername());
        // The draft is built again from the saved text, so that its findings and what is still to write follow it.
        reports.store(reports.build(scope.agency(code).orElseThrow(), year), year);
        return redirect(reportPath(year, code) + "#passages");
    }

    @PostMapping(REPORT + "/submit")
    ResponseEntity<String> submit(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                  HttpServletRequest request) {
        AgencyScope scope = reports.scope();
        allow(scope.canWrite(user, code), user, code, request);
        lifeCycle.submit(scope.agency(code).orElseThrow(), year, user.getUsername());
        return redirect(reportPath(year, code));
    }

    @PostMapping(REPORT + "/return")
    ResponseEntity<String> returnReport(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                        @RequestParam(defaultValue = "") String reason, HttpServletRequest request) {
        allow(reports.scope().canReview(user, code), user, code, request);
        lifeCycle.returnToUnit(code, year, user.getUsername(), reason);
        return redirect(reportPath(year, code));
    }

    @PostMapping(REPORT + "/approve")
    ResponseEntity<String> approve(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                   @RequestParam(defaultValue = "") String comment, HttpServletRequest request) {
        allow(reports.scope().canReview(user, code), user, code, request);
        lifeCycle.approve(code, year, user.getUsername(), comment);
        return redirect(reportPath(year, code));
    }

    @PostMapping(REPORT + "/publish")
    ResponseEntity<String> publish(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                   @RequestParam(defaultValue = "") String url, HttpServletRequest request) {
        AgencyScope scope = reports.scope();
        allow(scope.canReview(user, code) || scope.canWrite(user, code), user, code, request);
        lifeCycle.publish(code, year, user.getUsername(), url);
        return redirect(reportPath(year, code));
    }

    @PostMapping(REPORT + "/correct")
    ResponseEntity<String> correct(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, @PathVariable String code,
                                   @RequestParam(defaultValue = "") String reason, HttpServletRequest request) {
        AgencyScope scope = reports.scope();
        allow(scope.canReview(user, code) || scope.canWrite(user, code), user, code, request);
        lifeCycle.correct(code, year, user.getUsername(), reason);
        return redirect(reportPath(year, code));
    }

    @GetMapping("/review/" + YEAR)
    ResponseEntity<String> review(@AuthenticationPrincipal ConsoleUser user, @PathVariable int year, HttpServletRequest request) {
        AgencyScope scope = reports.scope();
        allow(user.role() != Role.UNIT, user, "review " + year, request);
        List<String> codes = user.role() == Role.REVIEWER ? scope.below(user.agencyCode())
                : scope.visible(user).stream().filter(c -> scope.agency(c).map(a -> !a.isRoot()).orElse(false)).toList();
        Map<String, ReportStates.Current> ofYear = states.ofYear(year);
        LocalDate today = LocalDate.now(settings.clock());
        List<Map<String, Object>> units = new ArrayList<>();
        for (String code : codes) {
            State state = Optional.ofNullable(ofYear.get(code)).map(ReportStates.Current::state).orElse(State.DRAFT);
            LocalDate due = settings.deadlines().due(year, scope.agency(code).map(Agency::isRoot).orElse(false));
            long daysLeft = ChronoUnit.DAYS.between(today, due);
            List<ConsoleReports.Finding> findings = reports.findings(year, code);
            boolean done = state == State.SUBMITTED || state == State.APPROVED || state == State.PUBLISHED;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", code);
            row.put("name", scope.agency(code).map(Agency::name).orElse(code));
            row.put("state", state.id());
            row.put("stateLabel", StateLabels.label(state));
            row.put("due", due.toString());
            row.put("daysLeft", daysLeft);
            row.put("overdue", daysLeft < 0 && !done);
            row.put("done", done);
            row.put("returned", state == State.RETURNED);
            row.put("blocking", findings.stream().filter(ConsoleReports.Finding::blocking).count());
            row.put("warnings", findings.stream().filter(f -> !f.blocking()).count());
            row.put("toWrite", reports.toWrite(year, code).size());
            units.add(row);
        }
        Map<String, Object> model = base(user, request);
        model.put("year", year);
        model.put("units", units);
        model.put("attention", units.stream().filter(u -> (boolean) u.get("overdue") || (boolean) u.get("returned")).toList());
        String own = user.role() == Role.REVIEWER ? user.agencyCode() : null;
        model.put("summaryCode", own != null && reports.file(year, own, "summary/report.html").isPresent() ? own : "");
        return page("console-review.ftlh", model);
    }

    @ExceptionHandler(OutsideScope.class)
    ResponseEntity<String> outsideScope(OutsideScope e, HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", 403);
        model.put("message", "您的账户无权访问此页面。");
        model.put("reasons", List.of());
        return page("console-error.ftlh", model, HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(Missing.class)
    ResponseEntity<String> missing(Missing e) {
        return page("console-error.ftlh", Map.of("status", 404, "message", e.getMessage(), "reasons", List.of()), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ReportLifeCycle.Refused.class)
    ResponseEntity<String> refused(ReportLifeCycle.Refused e, HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", 409);
        model.put("message", e.getMessage());
        model.put("reasons", e.reasons());
        model.put("back", request.getRequestURI().replaceAll("/(submit|return|approve|publish|correct|passages/[^/]+)$", ""));
        return page("console-error.ftlh", model, HttpStatus.CONFLICT);
    }

    private AgencyScope see(ConsoleUser user, String code, HttpServletRequest request) {
        AgencyScope scope = reports.scope();
        allow(scope.canSee(user, code), user, code, request);
        return scope;
    }

    private static void allow(boolean allowed, ConsoleUser user, String what, HttpServletRequest request) {
        if (!allowed) {
            log.warn("console: refused {} {} to {} ({}{}): {} is outside its scope", request.getMethod(), request.getRequestURI(),
                    user.getUsername(), user.role().id(), user.agencyCode() == null ? "" : " of " + user.agencyCode(), what);
            throw new OutsideScope(what);
        }
    }

    private Map<String, Object> base(ConsoleUser user, HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", user.getUsername());
        model.put("role", user.role().id());
        model.put("roleLabel", StateLabels.role(user.role()));
        model.put("agency", Optional.ofNullable(user.agencyCode()).orElse(""));
        model.put("csrf", csrf(request));
        return model;
    }

    private static Map<String, String> csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? Map.of("name", "_csrf", "value", "") : Map.of("name", token.getParameterName(), "value", token.getToken());
    }

    private static Map<String, Object> passageRow(ConsoleReports.Passage p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("label", p.label());
        m.put("source", p.source().name().toLowerCase());
        m.put("sourceLabel", StateLabels.source(p.source()));
        m.put("printed", Optional.ofNullable(p.printed()).orElse(""));
        m.put("version", p.latest().map(v -> v.version()).orElse(0));
        m.put("file", p.slot().fileName());
        return m;
    }

    private static Map<String, Object> transitionRow(ReportStates.Transition t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", t.at().atZone(ConsoleSettings.OFFICE_ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' '));
        m.put("actor", t.actor());
        m.put("from", StateLabels.label(t.from()));
        m.put("to", StateLabels.label(t.to()));
        m.put("action", StateLabels.action(t.from(), t.to()));
        m.put("comment", Optional.ofNullable(t.comment()).orElse(""));
        m.put("url", Optional.ofNullable(t.url()).orElse(""));
        return m;
    }

    private static String reportPath(int year, String code) {
        return "/reports/" + year + "/" + code;
    }

    private ResponseEntity<String> page(String template, Map<String, Object> model) {
        return page(template, model, HttpStatus.OK);
    }

    private ResponseEntity<String> page(String template, Map<String, Object> model, HttpStatus status) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(settings.templates().render(template, model));
    }

    private static ResponseEntity<String> html(byte[] body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(new String(body, StandardCharsets.UTF_8));
    }

    private static ResponseEntity<String> redirect(String to) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, to).build();
    }
}

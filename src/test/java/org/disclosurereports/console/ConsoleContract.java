package org.disclosurereports.console;

import org.disclosurereports.cli.ExitCode;
import org.disclosurereports.cli.Options;
import org.disclosurereports.cli.RunCommand;
import org.disclosurereports.store.ConsoleAccounts;
import org.disclosurereports.store.ReportStates;
import org.disclosurereports.store.SealedReports;
import org.disclosurereports.support.SampleData;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The review console as {@code serve} runs it (real security configuration, a real server on a free
 * port), over the demo district built by the pipeline into directories of the test's own: who may open
 * and do what, sign-in and its protections, and the whole life of a report in a browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "disclosure.console.enabled=true"})
@ExtendWith(OutputCaptureExtension.class)
abstract class ConsoleContract {

    static final int YEAR = 2024;
    static final String PASSWORD = "console-test-password";

    /** A copy of the demo data (the console writes passages into it) and an output directory, per context. */
    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) throws IOException {
        Path base = Files.createTempDirectory("console-test");
        Path data = base.resolve("data");
        copy(SampleData.DIR, data);
        Files.createDirectories(base.resolve("out"));
        registry.add("disclosure.console.data", data::toString);
        registry.add("disclosure.console.out", () -> base.resolve("out").toString());
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    RunCommand runCommand;
    @Autowired
    ConsoleSettings settings;
    @Autowired
    ConsoleUsers users;
    @Autowired
    ReportStates states;
    @Autowired
    SealedReports sealed;

    MockMvc mvc;

    @BeforeEach
    void builtAndAccounts() {
        if (!Files.isRegularFile(settings.out().resolve(YEAR + "/index.html"))) {
            assertThat(nightlyRun()).isEqualTo(ExitCode.OK);
        }
        account("unit-jd1", "unit", "SL-JD1");
        account("unit-jd2", "unit", "SL-JD2");
        account("unit-jd3", "unit", "SL-JD3");
        account("reviewer-sl", "reviewer", "SL");
        account("reviewer-samr", "reviewer", "SL-SAMR");
        account("auditor", "auditor", null);
        account("admin", "admin", null);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    ExitCode nightlyRun() {
        return runCommand.execute(new Options("run", Map.of("data", settings.data().toString(), "out", settings.out().toString(),
                "year", String.valueOf(YEAR)), Set.of("take-over")));
    }

    private void account(String name, String role, String agency) {
        if (users.find(name).isEmpty()) {
            users.add(name, role, agency, PASSWORD);
        }
    }

    ConsoleUser principal(String name) {
        return new ConsoleUser(users.find(name).orElseThrow());
    }

    /** One row of the authorisation matrix: a route, and whether each kind of account may use it. */
    record Route(HttpMethod method, String path, boolean unitOwn, boolean reviewerOwn, boolean auditor, boolean admin) {
        String on(String agency) {
            return path.replace("{year}", String.valueOf(YEAR)).replace("{code}", agency);
        }
    }

    /**
     * Every route of the console. A unit's own agency is SL-JD3 (its other: SL-XHZ); a reviewer of SL-SAMR
     * reviews SL-SAMR-XH (its other: SL-JD3). No account may use a route on an agency outside its scope.
     * Agencies the browser story uses are left alone.
     */
    static final List<Route> ROUTES = List.of(
            new Route(HttpMethod.GET, "/reports/{year}/{code}", true, true, true, true),
            new Route(HttpMethod.GET, "/reports/{year}/{code}/draft", true, true, true, true),
            new Route(HttpMethod.GET, "/reports/{year}/{code}/summary", true, true, true, true),
            new Route(HttpMethod.GET, "/reports/{year}/{code}/preview", true, true, true, true),
            new Route(HttpMethod.GET, "/reports/{year}/{code}/evidence", false, true, true, false),
            new Route(HttpMethod.GET, "/reports/{year}/{code}/passages/platforms", true, false, false, false),
            new Route(HttpMethod.POST, "/reports/{year}/{code}/passages/platforms", true, false, false, false),
            new Route(HttpMethod.POST, "/reports/{year}/{code}/submit", true, false, false, false),
            new Route(HttpMethod.POST, "/reports/{year}/{code}/return", false, true, false, false),
            new Route(HttpMethod.POST, "/reports/{year}/{code}/approve", false, true, false, false),
            new Route(HttpMethod.POST, "/reports/{year}/{code}/publish", true, true, false, false),
            new Route(HttpMethod.POST, "/reports/{year}/{code}/correct", true, true, false, false));

    @Test
    void everyRouteForEveryRoleOnItsOwnAndAnotherAgency(CapturedOutput output) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route r : ROUTES) {
            expect(wrong, r, "unit-jd3", "SL-JD3", r.unitOwn());
            expect(wrong, r, "unit-jd3", "SL-XHZ", false);
            expect(wrong, r, "reviewer-samr", "SL-SAMR-XH", r.reviewerOwn());
            expect(wrong, r, "reviewer-samr", "SL-JD3", false);
            expect(wrong, r, "auditor", "SL-JD3", r.auditor());
            expect(wrong, r, "admin", "SL-JD3", r.admin());
            MvcResult anonymous = mvc.perform(build(r.method(), r.on("SL-JD3")).with(csrf())).andReturn();
            if (anonymous.getResponse().getStatus() != 302 || !anonymous.getResponse().getRedirectedUrl().endsWith("/login")) {
                wrong.add(r.method() + " " + r.on("SL-JD3") + " without signing in: " + anonymous.getResponse().getStatus());
            }
        }
        for (String name : List.of("unit-jd3", "reviewer-samr", "auditor", "admin")) {
            int list = mvc.perform(get("/reports").with(user(principal(name)))).andReturn().getResponse().getStatus();
            int review = mvc.perform(get("/review/" + YEAR).with(user(principal(name)))).andReturn().getResponse().getStatus();
            if (list != 200) {
                wrong.add("GET /reports as " + name + ": " + list);
            }
            if ((review == 403) != name.equals("unit-jd3")) {
                wrong.add("GET /review/" + YEAR + " as " + name + ": " + review);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(output.getOut()).contains("console: refused GET /reports/" + YEAR + "/SL-XHZ to unit-jd3 (unit of SL-JD3)");
    }

    private void expect(List<String> wrong, Route route, String account, String agency, boolean allowed) throws Exception {
        MockHttpServletRequestBuilder request = build(route.method(), route.on(agency)).with(user(principal(account)));
        if (route.method() == HttpMethod.POST) {
            request = request.with(csrf()).param("text", "本单位在政务新媒体发布信息。").param("reason", "核对").param("url", "https://example.gov.cn/r.html");
        }
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        if ((status == 403) == allowed) {
            wrong.add(route.method() + " " + route.on(agency) + " as " + account + ": " + status + (allowed ? " (should be allowed)" : " (should be 403)"));
        }
    }

    private static MockHttpServletRequestBuilder build(HttpMethod method, String path) {
        return request(method, path);
    }

    @LocalServerPort
    int port;

    static final String REPORT = "/reports/" + YEAR + "/SL-JD1";
    static final String PUBLISHED_AT = "https://www.shiliqu.gov.cn/cdjd/xxgk/ndbg/2024.html";

    @Test
    void aUnitsReportGoesFromDraftToPublishedInABrowserAndTheNextRunLeavesItAlone() throws Exception {
        Optional<String> why = ConsoleBrowser.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), why.orElse(""));
        Map<String, String> passages = new LinkedHashMap<>();
        passages.put("information-management", "本年度完成公文公开属性源头认定，动态更新政府信息公开目录。");
        passages.put("platforms", "街道门户网站栏目运行正常。<script>alert(1)</script>");
        passages.put("supervision", "将政务公开纳入年度考核。");
        passages.put("problems", "主动公开的及时性有待提高。下一步将建立信息发布台账。");
        passages.put("other", "无。");
        try (ConsoleBrowser b = ConsoleBrowser.open(port, getClass().getSimpleName())) {
            b.signIn("unit-jd1", PASSWORD);
            assertThat(b.path()).isEqualTo("/reports");
            assertThat(b.linkTexts()).contains("示例区城东街道办事处").doesNotContain("示例区城西街道办事处");
            b.screenshot("unit-reports");
            b.follow("示例区城东街道办事处");
            assertThat(b.text()).contains("草稿").contains("须由本单位撰写的段落");
            b.screenshot("unit-draft");
            for (Map.Entry<String, String> p : passages.entrySet()) {
                b.go(REPORT + "/passages/" + p.getKey());
                b.type("text", p.getValue());
                b.click("save");
                assertThat(b.path()).startsWith(REPORT);
            }
            assertThat(b.text()).contains("已在本系统保存（第1版）").contains("街道门户网站栏目运行正常。<script>alert(1)</script>")
                    .as("the draft follows the saved text: nothing is left to write").doesNotContain("尚待填写");
            assertThat(b.source()).as("office text is escaped").doesNotContain("<script>alert(1)</script>");
            b.screenshot("unit-passages-written");
            b.go(REPORT + "/preview");
            assertThat(b.text()).contains("将政务公开纳入年度考核。").doesNotContain("【待填写");
            b.screenshot("unit-preview");
            b.go(REPORT);
            b.click("submit");
            assertThat(b.text()).contains("已提交待审核");
            b.screenshot("unit-submitted");
            b.signOut();

            b.signIn("reviewer-sl", PASSWORD);
            b.go("/review/" + YEAR);
            assertThat(b.text()).contains("示例区城东街道办事处").contains("已提交待审核").contains("报送期限");
            b.screenshot("reviewer-overview");
            b.go(REPORT);
            b.type("reason", "请补充政务新媒体的账号数量。");
            b.click("return");
            assertThat(b.text()).contains("已退回").contains("请补充政务新媒体的账号数量。");
            b.screenshot("reviewer-returned");
            b.signOut();

            b.signIn("unit-jd1", PASSWORD);
            b.go(REPORT);
            assertThat(b.text()).contains("已退回").contains("请补充政务新媒体的账号数量。");
            b.go(REPORT + "/passages/platforms");
            b.type("text", "街道门户网站栏目运行正常，运营政务新媒体账号3个。");
            b.click("save");
            assertThat(b.text()).contains("（第2版）");
            b.click("submit");
            assertThat(b.text()).contains("已提交待审核");
            b.signOut();

            b.signIn("reviewer-sl", PASSWORD);
            b.go(REPORT);
            b.click("approve");
            assertThat(b.text()).contains("审核通过");
            b.type("url", PUBLISHED_AT);
            b.click("publish");
            assertThat(b.text()).contains("已发布").contains(PUBLISHED_AT).contains("本报告已定稿");
            b.screenshot("reviewer-published");
            b.signOut();

            b.signIn("unit-jd2", PASSWORD);
            b.go(REPORT);
            assertThat(b.text()).contains("无权访问").doesNotContain("示例区城东街道办事处");
            b.go(REPORT + "/passages/platforms");
            assertThat(b.text()).contains("无权访问");
            b.screenshot("other-unit-refused");
        }

        assertThat(states.transitions("SL-JD1", YEAR)).extracting(ReportStates.Transition::to).containsExactly(ReportStates.State.SUBMITTED,
                ReportStates.State.RETURNED, ReportStates.State.SUBMITTED, ReportStates.State.APPROVED, ReportStates.State.PUBLISHED);
        assertThat(sealed.find("SL-JD1", YEAR)).as("sealed as seal seals").isPresent();
        Path dir = settings.out().resolve(YEAR + "/SL-JD1");
        assertThat(dir.resolve(".sealed")).exists();
        byte[] html = Files.readAllBytes(dir.resolve("report.html"));
        byte[] tables = Files.readAllBytes(dir.resolve("tables.json"));
        assertThat(new String(html, StandardCharsets.UTF_8)).contains("运营政务新媒体账号3个").doesNotContain("【待填写");

        assertThat(nightlyRun()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(dir.resolve("report.html"))).as("the next run leaves the published report alone").isEqualTo(html);
        assertThat(Files.readAllBytes(dir.resolve("tables.json"))).isEqualTo(tables);

        // A record behind the published figures arrives late: the run still leaves the report alone, and
        // the console lists the figures that differ now.
        Files.writeString(settings.data().resolve("applications.csv"), "CD2024-99,SL-JD1,2024年6月3日,自然人,2024年6月20日,（一）予以公开,,\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(nightlyRun()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(dir.resolve("report.html"))).isEqualTo(html);
        assertThat(dir.resolve("sealed-differences.csv")).exists();
        String page = mvc.perform(get(REPORT).with(user(principal("reviewer-sl")))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("定稿后变化的数据").contains("予以公开");

        // Corrected: unsealed with a reason, back to draft; the next run builds it again.
        mvc.perform(request(HttpMethod.POST, REPORT + "/correct").with(user(principal("reviewer-sl"))).with(csrf())
                .param("reason", "补录一件申请后更正。"));
        assertThat(states.current("SL-JD1", YEAR).state()).isEqualTo(ReportStates.State.DRAFT);
        assertThat(sealed.find("SL-JD1", YEAR)).isEmpty();
        assertThat(states.transitions("SL-JD1", YEAR)).last().satisfies(t -> assertThat(t.comment()).isEqualTo("补录一件申请后更正。"));
        assertThat(nightlyRun()).isEqualTo(ExitCode.OK);
        assertThat(dir.resolve("sealed-differences.csv")).doesNotExist();
        assertThat(Files.readAllBytes(dir.resolve("tables.json"))).as("built again with the late record").isNotEqualTo(tables);
    }

    @Test
    void signInNeedsTheCsrfTokenAndLocksAnAccountAfterRepeatedWrongPasswords() throws Exception {
        assertThat(mvc.perform(formLogin("/login").user("unit-jd2").password(PASSWORD)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/reports");
        MvcResult noToken = mvc.perform(request(HttpMethod.POST, "/login").param("username", "unit-jd2").param("password", PASSWORD)).andReturn();
        assertThat(noToken.getResponse().getStatus()).isEqualTo(403);

        account("locked-out", "unit", "SL-JD2");
        for (int i = 0; i < SignIn.FAILURES_BEFORE_LOCK; i++) {
            assertThat(mvc.perform(formLogin("/login").user("locked-out").password("wrong-password-" + i)).andReturn()
                    .getResponse().getRedirectedUrl()).endsWith("/login?error");
        }
        assertThat(mvc.perform(formLogin("/login").user("locked-out").password(PASSWORD)).andReturn().getResponse().getRedirectedUrl())
                .as("the right password is refused while the account is locked").endsWith("/login?error");

        account("disabled-one", "unit", "SL-JD2");
        users.disable("disabled-one");
        assertThat(mvc.perform(formLogin("/login").user("disabled-one").password(PASSWORD)).andReturn().getResponse().getRedirectedUrl())
                .as("a disabled account cannot sign in").endsWith("/login?error");

        MvcResult page = mvc.perform(get("/login")).andReturn();
        assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'none'");
        assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getResponse().getContentAsString()).contains("name=\"username\"").contains("name=\"password\"").contains("name=\"_csrf\"");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

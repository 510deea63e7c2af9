package org.disclosurereports.job;

import org.disclosurereports.support.HeadlessChromium;
import org.disclosurereports.support.SampleData;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Summaries, returns and per-unit failures on the embedded database; the index in a browser. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sample-district;DB_CLOSE_DELAY=-1")
class SummaryJobH2Test extends SummaryJobContract {

    /**
     * The index as a browser runs it: a harness page beside it loads it in a frame, fetches every link
     * of the report table (a missing file is a network error) and types into the search box. The page is
     * the same whichever database the figures came from: run here only.
     */
    @Test
    void inHeadlessChromiumEveryLinkResolvesAndTheSearchFilters() throws Exception {
        Path chromium = HeadlessChromium.find().orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium)");
        launcher.run(SampleData.DIR, 2024, out);
        Path yearDir = out.resolve("2024");
        try (var harness = getClass().getResourceAsStream("/chromium/index-harness.html")) {
            Files.copy(harness, yearDir.resolve("harness.html"));
        }
        String dom = HeadlessChromium.dumpDom(chromium,
                yearDir.resolve("harness.html").toUri() + "#" + URLEncoder.encode("城北", StandardCharsets.UTF_8));
        String result = Jsoup.parse(dom).select("#result").text();
        // Every report row links at least its page, PDF and tables.json; none of the links may be dangling.
        assertThat(result).containsPattern("links (\\d+) unresolved \\[\\]").contains("shown [\"SL-JD3\"]");
        var count = Pattern.compile("links (\\d+) unresolved").matcher(result);
        assertThat(count.find()).isTrue();
        int links = Integer.parseInt(count.group(1));
        assertThat(links).isGreaterThanOrEqualTo(14 * 3);

        String byCode = HeadlessChromium.dumpDom(chromium, yearDir.resolve("harness.html").toUri() + "#SL-SAMR");
        assertThat(Jsoup.parse(byCode).select("#result").text()).contains("shown [\"SL-SAMR\",\"SL-SAMR\",\"SL-SAMR-XH\"]");

        Files.delete(yearDir.resolve("SL-JD3/report.pdf"));
        String broken = HeadlessChromium.dumpDom(chromium, yearDir.resolve("harness.html").toUri() + "#x");
        assertThat(Jsoup.parse(broken).select("#result").text()).contains("unresolved [\"SL-JD3/report.pdf");
    }
}

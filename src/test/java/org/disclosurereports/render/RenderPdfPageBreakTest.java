package org.disclosurereports.render;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.support.PdfPageText;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.render.RenderFixtures.FORMAT;

/**
 * The text of each page is on that page once: a heading or paragraph beside a page break is not laid
 * again, clipped and invisible, on the page before or after (where search and copy would still find it
 * twice). Summaries listing 8 to 12 units shift every paragraph down line by line, so that passages and
 * headings come to lie at page ends and page tops. The reports of the sample run are checked the same
 * way by the job's functional test.
 */
class RenderPdfPageBreakTest {

    private static final ReportRenderer RENDERER = new ReportRenderer(FORMAT, Templates.shipped());
    private static final StatutoryTables SUMMARY =
            RenderFixtures.tables("QP", "上海市青浦区人民政府", StatutoryTables.SCOPE_SUMMARY, 1, null);
    private static final Agency DISTRICT = new Agency("QP", "上海市青浦区人民政府", null, "区", null, "青浦区人民政府办公室", null, null);

    @Test
    void noHeadingOrParagraphIsOnTwoPages() throws Exception {
        List<String> repeated = new ArrayList<>();
        for (int units = 8; units <= 12; units++) {
            List<String> names = IntStream.range(0, units).mapToObj(i -> "青浦区第" + i + "街道办事处").toList();
            String html = RENDERER.html(ReportView.of(FORMAT, DISTRICT, SUMMARY, names));
            for (String r : PdfPageText.repeatedBlocks(html, RENDERER.pdf(html))) {
                repeated.add(units + " units: " + r);
            }
        }
        assertThat(repeated).isEmpty();
    }
}

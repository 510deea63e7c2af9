package org.disclosurereports.render;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.records.Agency;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.render.RenderFixtures.FORMAT;

/**
 * The text of each page is on that page once: a paragraph that ends a page is not laid again, clipped
 * and invisible, at the top of the next one (where search and copy would still find it twice).
 * Summaries listing 8 to 12 units shift every paragraph down line by line, so that a passage to write
 * comes to lie at a page end (with the former page style, section 一's last passage did in four of them).
 */
class RenderPdfPageBreakTest {

    private static final ReportRenderer RENDERER = new ReportRenderer(FORMAT, Templates.shipped());
    private static final StatutoryTables SUMMARY =
            RenderFixtures.tables("QP", "上海市青浦区人民政府", StatutoryTables.SCOPE_SUMMARY, 1, null);
    private static final Agency DISTRICT = new Agency("QP", "上海市青浦区人民政府", null, "区", null, "青浦区人民政府办公室", null, null);

    static List<String> pages(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pages.add(extractor.getTextFromPage(page).replaceAll("\\s+", ""));
            }
            return pages;
        } finally {
            reader.close();
        }
    }

    @Test
    void noParagraphIsOnTwoPages() throws Exception {
        List<String> duplicated = new ArrayList<>();
        for (int units = 8; units <= 12; units++) {
            List<String> names = IntStream.range(0, units).mapToObj(i -> "青浦区第" + i + "街道办事处").toList();
            ReportView view = ReportView.of(FORMAT, DISTRICT, SUMMARY, names);
            List<String> pages = pages(RENDERER.pdf(view));
            for (ReportFormat.Section section : FORMAT.sections()) {
                for (ReportNarrative.Paragraph p : view.narrative().section(section.key())) {
                    String text = p.text().replaceAll("\\s+", "");
                    long onPages = pages.stream().filter(page -> page.contains(text)).count();
                    if (text.length() >= 12 && onPages > 1) {
                        duplicated.add(units + " units: " + text + " on " + onPages + " pages");
                    }
                }
            }
        }
        assertThat(duplicated).isEmpty();
    }
}

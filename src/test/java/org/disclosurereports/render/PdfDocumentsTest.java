package org.disclosurereports.render;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xhtmlrenderer.resource.XMLResource;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.render.RenderFixtures.FORMAT;

class PdfDocumentsTest {

    private static String page(String css, String body) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/><title>t</title>"
                + "<style type=\"text/css\">body { font-family: 'Noto Sans SC'; } " + css + "</style></head><body><p>" + body + "</p></body></html>";
    }

    private static byte[] onFreshThread(String xhtml) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            return one.submit(() -> ReportRenderer.pdfOf(xhtml)).get();
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void theReportParsesToTheSameDocumentAsFlyingSaucersOwnLoader() {
        String html = new ReportRenderer(FORMAT, Templates.shipped()).html(ReportView.of(FORMAT, RenderFixtures.agency(), RenderFixtures.tables(), List.of()));
        Document ours = PdfDocuments.parse(html);
        Document theirs = XMLResource.load(new StringReader(html)).getDocument();
        assertThat(ours.getDocumentElement().isEqualNode(theirs.getDocumentElement())).isTrue();
    }

    @Test
    void eachInlineStyleIsItsOwnEvenAfterAnotherWasParsedOnTheSameThread() throws Exception {
        String small = page("p { font-size: 8pt; }", "年度报告");
        String large = page("p { font-size: 30pt; }", "年度报告");
        byte[] largeAlone = onFreshThread(large);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            byte[] smallFirst = one.submit(() -> ReportRenderer.pdfOf(small)).get();
            byte[] largeAfter = one.submit(() -> ReportRenderer.pdfOf(large)).get();
            byte[] smallAgain = one.submit(() -> ReportRenderer.pdfOf(small)).get();
            assertThat(largeAfter).isEqualTo(largeAlone);
            assertThat(smallAgain).isEqualTo(smallFirst);
            assertThat(largeAfter).isNotEqualTo(smallFirst);
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aPageWithANamedEntityStillRenders() throws Exception {
        byte[] pdf = ReportRenderer.pdfOf(page("", "公开&nbsp;报告 &amp; 年度"));
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("[\\s\u00a0]+", "")).contains("公开报告&年度");
        } finally {
            reader.close();
        }
    }
}

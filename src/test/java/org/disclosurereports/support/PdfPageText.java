package org.disclosurereports.support;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a PDF reader extracts from a report's pages, against the page it was rendered from: a block of
 * the page (heading, paragraph, list item) must not be extracted more often than the page has it. Text
 * laid again, clipped and invisible, beside a page break is not seen on paper but is found by search
 * and copied, which this is there to catch.
 */
public final class PdfPageText {

    /** Headings are checked whatever their length; a shorter paragraph may stand inside another one. */
    private static final int MIN_PARAGRAPH = 12;

    private PdfPageText() {}

    /** Each page's text as OpenPDF extracts it, whitespace removed (labels and sentences wrap). */
    public static List<String> pages(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pages.add(flat(extractor.getTextFromPage(page)));
            }
            return pages;
        } finally {
            reader.close();
        }
    }

    /**
     * The headings (h1–h3), paragraphs and list items of {@code html} that {@code pdf} has more often
     * than {@code html} does, each with where: empty when every text is extracted at most once per
     * occurrence. A paragraph broken over two pages is on neither page whole, which is not a repeat.
     */
    public static List<String> repeatedBlocks(String html, byte[] pdf) throws IOException {
        Element body = Jsoup.parse(html).body();
        String whole = flat(body.text());
        List<String> pages = pages(pdf);
        List<String> repeated = new ArrayList<>();
        for (Element block : body.select("h1, h2, h3, p, li")) {
            String text = flat(block.text());
            boolean heading = block.tagName().startsWith("h");
            if (text.isEmpty() || (!heading && text.length() < MIN_PARAGRAPH)) {
                continue;
            }
            int inPdf = pages.stream().mapToInt(page -> count(page, text)).sum();
            int inHtml = count(whole, text);
            if (inPdf > inHtml) {
                List<Integer> on = IntStream.range(0, pages.size()).filter(i -> pages.get(i).contains(text)).map(i -> i + 1).boxed().toList();
                repeated.add(block.tagName() + " " + text + ": " + inPdf + " times on pages " + on + ", " + inHtml + " in the page");
            }
        }
        return repeated;
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static int count(String in, String text) {
        int n = 0;
        for (int at = in.indexOf(text); at >= 0; at = in.indexOf(text, at + text.length())) {
            n++;
        }
        return n;
    }
}

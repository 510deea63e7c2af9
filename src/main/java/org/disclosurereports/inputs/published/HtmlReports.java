package org.disclosurereports.inputs.published;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a report page as sites publish it: every {@code <table>} (Word's "save as web page" and CMS
 * editors alike: spans, {@code <p>} and {@code <o:p>} inside cells, rowspan and colspan as the author
 * merged them) into a {@link TextGrid}, and every paragraph outside the tables as text. The charset is
 * taken from the page's own declaration (Word writes GB2312 as often as UTF-8).
 */
public final class HtmlReports {

    private HtmlReports() {}

    public static PublishedDocument read(Path file) throws IOException {
        Document doc = Jsoup.parse(file.toFile(), null);
        List<TextGrid> tables = new ArrayList<>();
        for (Element table : doc.select("table")) {
            if (table.getElementsByTag("table").size() > 1) {
                continue; // a layout table around the report's tables: its inner tables are read instead
            }
            tables.add(grid(table, tables.size() + 1));
        }
        List<PublishedDocument.Paragraph> paragraphs = new ArrayList<>();
        for (Element p : doc.body().select("p, h1, h2, h3, h4, h5, h6, li")) {
            boolean inTable = p.parents().stream().anyMatch(e -> e.tagName().equals("table"));
            boolean nested = p.parents().stream().anyMatch(e -> e.tagName().matches("p|li|h[1-6]"));
            String text = p.text().strip();
            if (!inTable && !nested && !text.isEmpty()) {
                paragraphs.add(new PublishedDocument.Paragraph(0, text));
            }
        }
        String title = doc.title().isBlank() ? (paragraphs.isEmpty() ? "" : paragraphs.get(0).text()) : doc.title();
        return new PublishedDocument(file, "html", title.strip(), tables, paragraphs);
    }

    private static TextGrid grid(Element table, int number) {
        TextGrid.Builder grid = new TextGrid.Builder();
        int row = 0;
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            grid.row(row);
            for (Element cell : tr.children()) {
                if (cell.tagName().equals("td") || cell.tagName().equals("th")) {
                    grid.add(row, cell.text(), span(cell, "rowspan"), span(cell, "colspan"));
                }
            }
            row++;
        }
        return grid.build(0, number);
    }

    private static int span(Element cell, String attribute) {
        try {
            return Integer.parseInt(Labels.normalize(cell.attr(attribute)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

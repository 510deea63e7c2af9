package org.disclosurereports.outputs.office;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The report as the blocks of its rendered page ({@code report.html}): headings, paragraphs with their
 * figures and passages to write, and the statutory tables with their merged cells. Word and Excel are
 * written from this, so the editable files say exactly what the published page says — the same
 * template, the same layout data, the same {@code --templates} override — and only the typesetting
 * differs.
 */
public record ReportPage(String title, List<Block> blocks) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public sealed interface Block permits Heading, Paragraph, Table {}

    /** level 1 is the title, 2 a section heading, 3 a sub-heading. */
    public record Heading(int level, String text) implements Block {}

    /**
     * @param banner true for the draft notice above the title
     * @param item   true for a line of a list (the draft notice's passages)
     */
    public record Paragraph(List<Span> spans, boolean banner, boolean item, boolean indented) implements Block {
        public String text() {
            StringBuilder b = new StringBuilder();
            spans.forEach(s -> b.append(s.text()));
            return b.toString();
        }

        /** The whole paragraph is a gap the office must fill. */
        public boolean onlyToWrite() {
            return !spans.isEmpty() && spans.stream().allMatch(Span::toWrite);
        }
    }

    /** A cell at its position in the table's grid (row and column of its top-left corner). */
    public record Placed(Cell cell, int row, int column) {}

    /** @param toWrite a 【待填写】 passage */
    public record Span(String text, boolean toWrite) {}

    /** @param name the table's key in the layout (table2, table3, table4) */
    public record Table(String name, List<List<Cell>> rows) implements Block {
        /**
         * Every cell at its grid position, as a browser places it: a cell takes the first column its
         * row has free, after the cells that rows above reach down into.
         */
        public List<Placed> placed() {
            List<Placed> placed = new ArrayList<>();
            List<boolean[]> taken = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                int column = 0;
                for (Cell cell : rows.get(r)) {
                    while (isTaken(taken, r, column)) {
                        column++;
                    }
                    for (int dr = 0; dr < cell.rowspan(); dr++) {
                        for (int dc = 0; dc < cell.colspan(); dc++) {
                            take(taken, r + dr, column + dc);
                        }
                    }
                    placed.add(new Placed(cell, r, column));
                    column += cell.colspan();
                }
            }
            return placed;
        }

        /** The number of grid columns, merged cells counted by their span. */
        public int width() {
            return placed().stream().mapToInt(p -> p.column() + p.cell().colspan()).max().orElse(0);
        }

        private static boolean isTaken(List<boolean[]> taken, int row, int column) {
            return row < taken.size() && column < taken.get(row).length && taken.get(row)[column];
        }

        private static void take(List<boolean[]> taken, int row, int column) {
            while (taken.size() <= row) {
                taken.add(new boolean[0]);
            }
            boolean[] r = taken.get(row);
            if (r.length <= column) {
                r = Arrays.copyOf(r, column + 1);
                taken.set(row, r);
            }
            r[column] = true;
        }

        /** The rows of the printed header (the page's thead); 0 for a table without one. */
        public int headerRows() {
            int n = 0;
            for (List<Cell> row : rows) {
                if (row.isEmpty() || !row.get(0).head()) {
                    break;
                }
                n++;
            }
            return n;
        }
    }

    /**
     * @param header   a cell of the table's head (thead), as opposed to a row label
     * @param dataCell the figure's cell reference ({@code table3.granted.total}); null for a label
     */
    public record Cell(String text, int colspan, int rowspan, boolean th, boolean header, String dataCell) {
        boolean head() {
            return header;
        }
    }

    /** Reads the report page (well-formed XHTML, as Flying Saucer also requires). */
    public static ReportPage parse(String xhtml) {
        Element root;
        try {
            // The JDK's own parser, without the class-path search for another that newInstance() makes on every call.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("The report page is not well-formed XHTML: " + e.getMessage(), e);
        }
        List<Block> blocks = new ArrayList<>();
        String title = "";
        Element body = child(root, "body");
        if (body != null) {
            walk(body, blocks);
        }
        for (Block b : blocks) {
            if (b instanceof Heading h && h.level() == 1) {
                title = h.text();
                break;
            }
        }
        return new ReportPage(title, List.copyOf(blocks));
    }

    private static void walk(Element parent, List<Block> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String name = e.getTagName();
            boolean banner = hasClass(e, "draft-banner") || inBanner(e);
            switch (name) {
                case "h1", "h2", "h3" -> out.add(new Heading(name.charAt(1) - '0', normalized(e.getTextContent())));
                case "p" -> {
                    // Screen-only lines (the scroll hint, the link to the validation page) are not part of the report.
                    if (!hasClass(e, "scroll-hint") && !hasClass(e, "audit-link")) {
                        out.add(new Paragraph(spans(e), banner, false, hasClass(e, "units")));
                    }
                }
                case "li" -> out.add(new Paragraph(spans(e), banner, true, false));
                case "table" -> out.add(table(e));
                default -> walk(e, out);
            }
        }
    }

    private static boolean inBanner(Element e) {
        for (Node p = e.getParentNode(); p instanceof Element pe; p = pe.getParentNode()) {
            if (hasClass(pe, "draft-banner")) {
                return true;
            }
        }
        return false;
    }

    private static List<Span> spans(Element p) {
        List<Span> spans = new ArrayList<>();
        collect(p, hasClass(p, "to-write"), spans);
        // Merge neighbours of the same kind so a paragraph is a few runs, not one per figure.
        List<Span> merged = new ArrayList<>();
        for (Span s : spans) {
            if (s.text().isEmpty()) {
                continue;
            }
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.toWrite() == s.toWrite()) {
                merged.set(merged.size() - 1, new Span(last.text() + s.text(), s.toWrite()));
            } else {
                merged.add(s);
            }
        }
        if (!merged.isEmpty()) {
            Span first = merged.get(0);
            merged.set(0, new Span(first.text().stripLeading(), first.toWrite()));
            Span last = merged.get(merged.size() - 1);
            merged.set(merged.size() - 1, new Span(last.text().stripTrailing(), last.toWrite()));
        }
        return List.copyOf(merged);
    }

    private static void collect(Node node, boolean toWrite, List<Span> out) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.add(new Span(WHITESPACE.matcher(n.getNodeValue()).replaceAll(" "), toWrite));
            } else if (n instanceof Element e) {
                collect(e, toWrite || hasClass(e, "to-write"), out);
            }
        }
    }

    private static Table table(Element table) {
        String name = "";
        for (String c : table.getAttribute("class").split("\\s+")) {
            if (!c.equals("grid") && !c.isEmpty()) {
                name = c;
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        rows(table, false, rows);
        return new Table(name, List.copyOf(rows));
    }

    private static void rows(Element parent, boolean header, List<List<Cell>> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            switch (e.getTagName()) {
                case "thead" -> rows(e, true, out);
                case "tbody", "tfoot" -> rows(e, false, out);
                case "tr" -> {
                    List<Cell> cells = new ArrayList<>();
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element cell && (cell.getTagName().equals("th") || cell.getTagName().equals("td"))) {
                            String ref = cell.getAttribute("data-cell");
                            cells.add(new Cell(normalized(cell.getTextContent()), span(cell, "colspan"), span(cell, "rowspan"),
                                    cell.getTagName().equals("th"), header, ref.isEmpty() ? null : ref));
                        }
                    }
                    out.add(List.copyOf(cells));
                }
                default -> { }
            }
        }
    }

    private static int span(Element cell, String attribute) {
        String v = cell.getAttribute(attribute);
        return v.isEmpty() ? 1 : Math.max(1, Integer.parseInt(v.trim()));
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static boolean hasClass(Element e, String cls) {
        for (String c : e.getAttribute("class").split("\\s+")) {
            if (c.equals(cls)) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}

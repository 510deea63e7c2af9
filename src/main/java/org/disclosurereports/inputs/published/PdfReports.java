package org.disclosurereports.inputs.published;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a printed report (PDF from our renderer, Word, WPS or LibreOffice): each page's glyphs with
 * their positions (PDFBox maps them to Unicode through the fonts' ToUnicode tables, so subset CJK
 * fonts read as text), and its tables rebuilt from the ruling lines the page draws: the x of every
 * vertical and the y of every horizontal rule give a fine grid, and two neighbouring slots are one
 * merged cell where no rule separates them. Each glyph belongs to the cell its centre falls in; the
 * glyphs outside every table are the text, read line by line into paragraphs.
 */
public final class PdfReports {

    /** Rules closer than this (in points) are one rule: borders are drawn twice by adjacent cells. */
    private static final float TOLERANCE = 2.0f;
    /** A filled shape thinner than this is a rule, not a cell's background. */
    private static final float THIN = 3.0f;

    private PdfReports() {}

    /** A glyph, in page coordinates from the top left. */
    private record Glyph(String text, float x, float y, float width, float height) {
        float centreX() {
            return x + width / 2;
        }

        float centreY() {
            return y - height / 2;
        }
    }

    /** A rule: horizontal ({@code at} is y, from..to along x) or vertical ({@code at} is x). */
    private record Rule(boolean horizontal, float at, float from, float to) {}

    public static PublishedDocument read(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<TextGrid> tables = new ArrayList<>();
            List<PublishedDocument.Paragraph> paragraphs = new ArrayList<>();
            for (int p = 0; p < pdf.getNumberOfPages(); p++) {
                PDPage page = pdf.getPage(p);
                List<Glyph> glyphs = glyphs(pdf, p + 1);
                List<Rule> rules = rules(page);
                List<Glyph> outside = new ArrayList<>(glyphs);
                for (List<Rule> component : components(rules)) {
                    TextGrid grid = grid(component, glyphs, outside, p + 1, tables.size() + 1);
                    if (grid != null) {
                        tables.add(grid);
                    }
                }
                paragraphs.addAll(paragraphs(outside, p + 1));
            }
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            return new PublishedDocument(file, "pdf", title == null ? "" : title, tables, paragraphs);
        }
    }

    // ---- glyphs ----

    private static List<Glyph> glyphs(PDDocument pdf, int page) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                String u = t.getUnicode();
                if (u != null && !u.isBlank()) {
                    glyphs.add(new Glyph(u, t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), Math.max(t.getHeightDir(), 1f)));
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return glyphs;
    }

    // ---- ruling lines ----

    private static List<Rule> rules(PDPage page) throws IOException {
        float height = page.getMediaBox().getHeight();
        List<Rule> rules = new ArrayList<>();
        PDFGraphicsStreamEngine engine = new PDFGraphicsStreamEngine(page) {
            private final List<float[]> lines = new ArrayList<>();
            private final List<float[]> boxes = new ArrayList<>();
            private final List<Point2D> polygon = new ArrayList<>();
            private Point2D current = new Point2D.Float();

            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                float x1 = (float) Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
                float x2 = (float) Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
                float y1 = (float) Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
                float y2 = (float) Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
                boxes.add(new float[] {x1, height - y2, x2, height - y1});
            }

            @Override
            public void moveTo(float x, float y) {
                flushPolygon();
                current = new Point2D.Float(x, y);
                polygon.add(current);
            }

            @Override
            public void lineTo(float x, float y) {
                lines.add(new float[] {(float) current.getX(), height - (float) current.getY(), x, height - y});
                current = new Point2D.Float(x, y);
                polygon.add(current);
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
                current = new Point2D.Float(x3, y3);
                polygon.add(current);
            }

            @Override
            public Point2D getCurrentPoint() {
                return current;
            }

            @Override
            public void closePath() {
            }

            private void flushPolygon() {
                if (polygon.size() > 2) {
                    float x1 = Float.MAX_VALUE, y1 = Float.MAX_VALUE, x2 = -Float.MAX_VALUE, y2 = -Float.MAX_VALUE;
                    for (Point2D p : polygon) {
                        x1 = Math.min(x1, (float) p.getX());
                        x2 = Math.max(x2, (float) p.getX());
                        y1 = Math.min(y1, (float) p.getY());
                        y2 = Math.max(y2, (float) p.getY());
                    }
                    polygonBoxes.add(new float[] {x1, height - y2, x2, height - y1});
                }
                polygon.clear();
            }

            private final List<float[]> polygonBoxes = new ArrayList<>();

            @Override
            public void endPath() {
                clear();
            }

            @Override
            public void strokePath() {
                for (float[] l : lines) {
                    line(l[0], l[1], l[2], l[3]);
                }
                for (float[] b : boxes) {
                    edges(b);
                }
                clear();
            }

            @Override
            public void fillPath(int windingRule) {
                flushPolygon();
                List<float[]> all = new ArrayList<>(boxes);
                all.addAll(polygonBoxes);
                for (float[] b : all) {
                    float w = b[2] - b[0];
                    float h = b[3] - b[1];
                    if (h <= THIN && w > h) {
                        rules.add(new Rule(true, (b[1] + b[3]) / 2, b[0], b[2]));
                    } else if (w <= THIN && h > w) {
                        rules.add(new Rule(false, (b[0] + b[2]) / 2, b[1], b[3]));
                    }
                }
                clear();
            }

            @Override
            public void fillAndStrokePath(int windingRule) {
                strokePath();
            }

            private void clear() {
                lines.clear();
                boxes.clear();
                polygon.clear();
                polygonBoxes.clear();
            }

            private void edges(float[] b) {
                line(b[0], b[1], b[2], b[1]);
                line(b[0], b[3], b[2], b[3]);
                line(b[0], b[1], b[0], b[3]);
                line(b[2], b[1], b[2], b[3]);
            }

            private void line(float x1, float y1, float x2, float y2) {
                if (Math.abs(y1 - y2) < 0.5f && Math.abs(x1 - x2) > 0.5f) {
                    rules.add(new Rule(true, y1, Math.min(x1, x2), Math.max(x1, x2)));
                } else if (Math.abs(x1 - x2) < 0.5f && Math.abs(y1 - y2) > 0.5f) {
                    rules.add(new Rule(false, x1, Math.min(y1, y2), Math.max(y1, y2)));
                }
            }

            @Override
            public void drawImage(PDImage pdImage) {
            }

            @Override
            public void clip(int windingRule) {
            }

            @Override
            public void shadingFill(COSName shadingName) {
            }
        };
        engine.processPage(page);
        return rules;
    }

    /** The rules that touch each other, one group per table on the page. */
    private static List<List<Rule>> components(List<Rule> rules) {
        int n = rules.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (touch(rules.get(i), rules.get(j))) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<Rule>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(rules.get(i));
        }
        List<List<Rule>> out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparingDouble(g -> g.stream().mapToDouble(r -> r.horizontal() ? r.at() : r.from()).min().orElse(0)));
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static boolean touch(Rule a, Rule b) {
        if (a.horizontal() == b.horizontal()) {
            return Math.abs(a.at() - b.at()) <= TOLERANCE && a.from() <= b.to() + TOLERANCE && b.from() <= a.to() + TOLERANCE;
        }
        Rule h = a.horizontal() ? a : b;
        Rule v = a.horizontal() ? b : a;
        return v.at() >= h.from() - TOLERANCE && v.at() <= h.to() + TOLERANCE && h.at() >= v.from() - TOLERANCE && h.at() <= v.to() + TOLERANCE;
    }

    private static List<Float> positions(List<Rule> rules, boolean horizontal) {
        List<Float> at = rules.stream().filter(r -> r.horizontal() == horizontal).map(Rule::at).sorted().toList();
        List<Float> clustered = new ArrayList<>();
        for (float v : at) {
            if (clustered.isEmpty() || v - clustered.get(clustered.size() - 1) > TOLERANCE) {
                clustered.add(v);
            }
        }
        return clustered;
    }

    private static boolean ruled(List<Rule> rules, boolean horizontal, float at, float across) {
        for (Rule r : rules) {
            if (r.horizontal() == horizontal && Math.abs(r.at() - at) <= TOLERANCE && across >= r.from() - TOLERANCE && across <= r.to() + TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    private static TextGrid grid(List<Rule> rules, List<Glyph> glyphs, List<Glyph> outside, int page, int number) {
        List<Float> ys = positions(rules, true);
        List<Float> xs = positions(rules, false);
        if (ys.size() < 2 || xs.size() < 2) {
            return null;
        }
        int rows = ys.size() - 1;
        int cols = xs.size() - 1;
        int[] parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            float midY = (ys.get(r) + ys.get(r + 1)) / 2;
            for (int c = 0; c < cols; c++) {
                float midX = (xs.get(c) + xs.get(c + 1)) / 2;
                if (c + 1 < cols && !ruled(rules, false, xs.get(c + 1), midY)) {
                    parent[find(parent, r * cols + c)] = find(parent, r * cols + c + 1);
                }
                if (r + 1 < rows && !ruled(rules, true, ys.get(r + 1), midX)) {
                    parent[find(parent, r * cols + c)] = find(parent, (r + 1) * cols + c);
                }
            }
        }
        Map<Integer, int[]> extent = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int[] e = extent.computeIfAbsent(find(parent, r * cols + c), k -> new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1});
                e[0] = Math.min(e[0], r);
                e[1] = Math.min(e[1], c);
                e[2] = Math.max(e[2], r);
                e[3] = Math.max(e[3], c);
            }
        }
        Map<Integer, List<Glyph>> texts = new HashMap<>();
        float top = ys.get(0);
        float bottom = ys.get(rows);
        float left = xs.get(0);
        float right = xs.get(cols);
        for (Glyph g : glyphs) {
            float x = g.centreX();
            float y = g.centreY();
            if (x < left || x > right || y < top || y > bottom) {
                continue;
            }
            int r = slot(ys, y);
            int c = slot(xs, x);
            texts.computeIfAbsent(find(parent, r * cols + c), k -> new ArrayList<>()).add(g);
            outside.remove(g);
        }
        Map<Integer, TextGrid.Cell> cells = new HashMap<>();
        List<List<TextGrid.Cell>> slots = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<TextGrid.Cell> line = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                int root = find(parent, r * cols + c);
                int[] e = extent.get(root);
                line.add(cells.computeIfAbsent(root, k -> new TextGrid.Cell(text(texts.getOrDefault(k, List.of())),
                        e[0], e[1], e[2] - e[0] + 1, e[3] - e[1] + 1)));
            }
            slots.add(line);
        }
        return new TextGrid(page, number, slots);
    }

    private static int slot(List<Float> edges, float v) {
        for (int i = 0; i < edges.size() - 1; i++) {
            if (v <= edges.get(i + 1)) {
                return i;
            }
        }
        return edges.size() - 2;
    }

    /** Glyphs in reading order: lines top to bottom, each left to right. */
    private static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::centreY));
        List<List<Glyph>> lines = new ArrayList<>();
        for (Glyph g : sorted) {
            List<Glyph> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last != null && Math.abs(last.get(0).centreY() - g.centreY()) <= g.height() / 2) {
                last.add(g);
            } else {
                List<Glyph> line = new ArrayList<>();
                line.add(g);
                lines.add(line);
            }
        }
        lines.forEach(l -> l.sort(Comparator.comparingDouble(Glyph::x)));
        return lines;
    }

    private static String text(List<Glyph> glyphs) {
        StringBuilder sb = new StringBuilder();
        for (List<Glyph> line : lines(glyphs)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            line.forEach(g -> sb.append(g.text()));
        }
        return sb.toString();
    }

    /** The text outside the tables, a paragraph ending where a line ends a sentence (。) or a heading starts. */
    private static List<PublishedDocument.Paragraph> paragraphs(List<Glyph> glyphs, int page) {
        List<PublishedDocument.Paragraph> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (List<Glyph> line : lines(glyphs)) {
            StringBuilder text = new StringBuilder();
            line.forEach(g -> text.append(g.text()));
            String s = text.toString().strip();
            if (s.matches("^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）).*") && paragraph.length() > 0) {
                out.add(new PublishedDocument.Paragraph(page, paragraph.toString()));
                paragraph.setLength(0);
            }
            paragraph.append(s);
            if (s.endsWith("。") || s.endsWith("：")) {
                out.add(new PublishedDocument.Paragraph(page, paragraph.toString()));
                paragraph.setLength(0);
            }
        }
        if (paragraph.length() > 0) {
            out.add(new PublishedDocument.Paragraph(page, paragraph.toString()));
        }
        return out;
    }
}

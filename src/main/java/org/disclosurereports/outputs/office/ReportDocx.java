package org.disclosurereports.outputs.office;

import java.util.List;
import java.util.Map;

/**
 * {@code report.docx}: the report as an editable Word document, for the office to complete and hand in.
 * It is written from the rendered page ({@link ReportPage}), so it has the same title, preamble,
 * sections, generated paragraphs and office text, and tables 二/三/四 as Word tables with the same
 * merged cells and labels. Passages still to be written are highlighted in yellow.
 * <p>
 * Typesetting in the manner of a 公文 (GB/T 9704): A4 with a 156 × 225 mm type area, title in
 * bold 宋体 at 二号 (22 pt), section headings in 黑体 and sub-headings in 楷体 at 三号 (16 pt), body in
 * 仿宋 at 三号 with a two-character first-line indent, tables in 宋体. The faces are named as Chinese
 * Word knows them (East-Asian font slot), Latin text and digits in Times New Roman; Word substitutes
 * on a machine without them, nothing is embedded.
 */
public final class ReportDocx {

    static final String TITLE_FONT = "宋体";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体";
    static final String BODY_FONT = "仿宋";
    static final String TABLE_FONT = "宋体";
    static final String LATIN_FONT = "Times New Roman";

    static final String PAGE_NUMBER_FONT = "宋体";
    /** 四号, as GB/T 9704 sets the page number. */
    static final double PAGE_NUMBER_PT = 14;
    static final double TITLE_PT = 22;
    static final double BODY_PT = 16;
    /** 22 lines in the 225 mm type area. */
    static final double LINE_PT = 28.9;

    public static final String FILE = "report.docx";

    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;
    /** A4 and the GB/T 9704 margins: 天头 37 mm, 订口 28 mm, giving a 156 × 225 mm type area. */
    private static final int PAGE_WIDTH_MM = 210;
    private static final int PAGE_HEIGHT_MM = 297;
    private static final int MARGIN_TOP_MM = 37;
    private static final int MARGIN_LEFT_MM = 28;
    static final int TYPE_AREA_WIDTH_MM = 156;
    static final int TYPE_AREA_HEIGHT_MM = 225;

    /** Table text sizes: table 四 has twice as many columns as table 三. */
    private static final Map<String, Double> TABLE_PT = Map.of("table2", 12.0, "table3", 10.5, "table4", 9.0);
    private static final double DEFAULT_TABLE_PT = 10.5;
    /** The share of the width the label columns of a grid table take together; the figures get the rest. */
    static final double LABEL_SHARE = 0.4;

    private static final String MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
    private static final String FOOTER_PART = "footer1.xml";
    private static final String FOOTER_ID = "rId1";
    /** Single lines for a table's frame and its inner rules. */
    private static final String TABLE_RULE = " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
    /** A paragraph of single line spacing: table cells and the paragraph after a table. */
    private static final String SINGLE_SPACED = "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>";

    private ReportDocx() {}

    /** The Word document of a rendered report page; the same page gives the same bytes. */
    public static byte[] of(String reportHtml, String author) {
        ReportPage page = ReportPage.parse(reportHtml);
        StringBuilder x = new StringBuilder(64 * 1024).append(Xml.DECLARATION)
                .append("<w:document xmlns:w=\"").append(MAIN).append("\" xmlns:r=\"").append(OfficePackage.RELATIONSHIPS)
                .append("\"><w:body>");
        for (ReportPage.Block block : page.blocks()) {
            if (block instanceof ReportPage.Heading h) {
                heading(x, h);
            } else if (block instanceof ReportPage.Paragraph p) {
                paragraph(x, p);
            } else if (block instanceof ReportPage.Table t) {
                table(x, t);
            }
        }
        section(x);
        x.append("</w:body></w:document>");
        OfficePackage.Part document = new OfficePackage.Part("word/document.xml", DOCUMENT_TYPE, x,
                List.of(new OfficePackage.Relationship(FOOTER_ID, OfficePackage.RELATIONSHIPS + "/footer", FOOTER_PART)));
        OfficePackage.Part footer = new OfficePackage.Part("word/" + FOOTER_PART, FOOTER_TYPE, footer(), List.of());
        return OfficePackage.write(page.title(), author, document, List.of(footer));
    }

    /** A4 with the GB/T 9704 margins, and the footer on every page. */
    private static void section(StringBuilder x) {
        x.append("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"").append(FOOTER_ID).append("\"/>")
                .append("<w:pgSz w:w=\"").append(twips(PAGE_WIDTH_MM)).append("\" w:h=\"").append(twips(PAGE_HEIGHT_MM)).append("\"/>")
                .append("<w:pgMar w:top=\"").append(twips(MARGIN_TOP_MM))
                .append("\" w:right=\"").append(twips(PAGE_WIDTH_MM - MARGIN_LEFT_MM - TYPE_AREA_WIDTH_MM))
                .append("\" w:bottom=\"").append(twips(PAGE_HEIGHT_MM - MARGIN_TOP_MM - TYPE_AREA_HEIGHT_MM))
                .append("\" w:left=\"").append(twips(MARGIN_LEFT_MM))
                .append("\" w:header=\"").append(twips(15)).append("\" w:footer=\"").append(twips(15))
                .append("\" w:gutter=\"0\"/></w:sectPr>");
    }

    /**
     * The footer: the page number between dashes, centred ("— 1 —", as GB/T 9704 has it), a PAGE
     * field Word fills in, so the number follows the office's edits.
     */
    private static String footer() {
        StringBuilder x = new StringBuilder(2048).append(Xml.DECLARATION)
                .append("<w:ftr xmlns:w=\"").append(MAIN).append("\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>");
        pageNumberRun(x, "<w:t xml:space=\"preserve\">\u2014 </w:t>");
        pageNumberRun(x, "<w:fldChar w:fldCharType=\"begin\"/>");
        pageNumberRun(x, "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>");
        pageNumberRun(x, "<w:fldChar w:fldCharType=\"separate\"/>");
        // What a reader shows before it updates the field.
        pageNumberRun(x, "<w:t>1</w:t>");
        pageNumberRun(x, "<w:fldChar w:fldCharType=\"end\"/>");
        pageNumberRun(x, "<w:t xml:space=\"preserve\"> \u2014</w:t>");
        return x.append("</w:p></w:ftr>").toString();
    }

    private static void pageNumberRun(StringBuilder x, String content) {
        x.append("<w:r>");
        runProperties(x, PAGE_NUMBER_FONT, PAGE_NUMBER_PT, false, null, null);
        x.append(content).append("</w:r>");
    }

    private static void heading(StringBuilder x, ReportPage.Heading h) {
        x.append("<w:p><w:pPr><w:keepNext/>");
        String font;
        double size = BODY_PT;
        boolean bold = false;
        if (h.level() == 1) {
            spacing(x, TITLE_PT * 1.5);
            x.append(" w:after=\"").append(pt(BODY_PT)).append("\"/><w:jc w:val=\"center\"/>");
            font = TITLE_FONT;
            size = TITLE_PT;
            bold = true;
        } else {
            spacing(x, LINE_PT);
            x.append("/>");
            firstLineIndent(x);
            font = h.level() == 2 ? HEADING_FONT : SUBHEADING_FONT;
        }
        x.append("</w:pPr>");
        run(x, h.text(), font, size, bold, null, null);
        x.append("</w:p>");
    }

    private static void paragraph(StringBuilder x, ReportPage.Paragraph para) {
        x.append("<w:p><w:pPr>");
        spacing(x, LINE_PT);
        x.append("/>");
        if (para.item() || para.indented()) {
            x.append("<w:ind w:left=\"").append(pt(2 * BODY_PT)).append("\"/>");
        } else {
            firstLineIndent(x);
        }
        x.append("<w:jc w:val=\"both\"/></w:pPr>");
        if (para.item()) {
            run(x, "• ", BODY_FONT, BODY_PT, false, null, null);
        }
        for (ReportPage.Span span : para.spans()) {
            // What the office must still write, and the notice that says so, stand out on screen.
            boolean notice = para.banner() && !span.toWrite();
            String highlight = notice ? "lightGray" : span.toWrite() ? "yellow" : null;
            run(x, span.text(), BODY_FONT, BODY_PT, false, notice ? "8A0016" : null, highlight);
        }
        x.append("</w:p>");
    }

    /** Exact line spacing, the element left open for more attributes. */
    private static void spacing(StringBuilder x, double linePoints) {
        x.append("<w:spacing w:line=\"").append(pt(linePoints)).append("\" w:lineRule=\"exact\"");
    }

    private static void firstLineIndent(StringBuilder x) {
        x.append("<w:ind w:firstLine=\"").append(pt(2 * BODY_PT)).append("\"/>");
    }

    private static void table(StringBuilder x, ReportPage.Table table) {
        double size = TABLE_PT.getOrDefault(table.name(), DEFAULT_TABLE_PT);
        List<ReportPage.Placed> placedCells = table.placed();
        int width = table.width();
        int[] columns = columnWidths(table, (int) twips(TYPE_AREA_WIDTH_MM));
        x.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(sum(columns, 0, width)).append("\" w:type=\"dxa\"/>")
                .append("<w:jc w:val=\"center\"/><w:tblBorders>");
        for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
            x.append("<w:").append(side).append(TABLE_RULE);
        }
        x.append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/>")
                .append("<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>")
                .append("</w:tblPr><w:tblGrid>");
        for (int w : columns) {
            x.append("<w:gridCol w:w=\"").append(w).append("\"/>");
        }
        x.append("</w:tblGrid>");

        // Word merges vertically by marking the cells below the first as continuing it: lay the grid out first.
        int rows = table.rows().size();
        ReportPage.Placed[][] origin = new ReportPage.Placed[rows][width];
        for (ReportPage.Placed placed : placedCells) {
            for (int r = placed.row(); r < placed.row() + placed.cell().rowspan() && r < rows; r++) {
                origin[r][placed.column()] = placed;
            }
        }
        int headerRows = table.headerRows();
        for (int r = 0; r < rows; r++) {
            x.append("<w:tr><w:trPr><w:cantSplit/>").append(r < headerRows ? "<w:tblHeader/>" : "").append("</w:trPr>");
            for (int c = 0; c < width; ) {
                ReportPage.Placed placed = origin[r][c];
                int span = placed == null ? 1 : placed.cell().colspan();
                x.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(sum(columns, c, c + span)).append("\" w:type=\"dxa\"/>");
                if (span > 1) {
                    x.append("<w:gridSpan w:val=\"").append(span).append("\"/>");
                }
                if (placed != null && placed.cell().rowspan() > 1) {
                    x.append("<w:vMerge w:val=\"").append(placed.row() == r ? "restart" : "continue").append("\"/>");
                }
                x.append("<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr>").append(SINGLE_SPACED);
                if (placed != null && placed.row() == r) {
                    ReportPage.Cell content = placed.cell();
                    boolean label = content.th() && !content.header() && content.dataCell() == null;
                    x.append("<w:jc w:val=\"").append(label && content.colspan() < width ? "left" : "center").append("\"/></w:pPr>");
                    run(x, content.text(), TABLE_FONT, size, content.header(), null, null);
                } else {
                    x.append("</w:pPr>");
                }
                x.append("</w:p></w:tc>");
                c += span;
            }
            x.append("</w:tr>");
        }
        // A paragraph after each table keeps two tables from running together when edited.
        x.append("</w:tbl><w:p><w:pPr>").append(SINGLE_SPACED).append("</w:pPr></w:p>");
    }

    /** Label columns share {@link #LABEL_SHARE} of the width, figure columns the rest, equally (in twips or any unit). */
    static int[] columnWidths(ReportPage.Table table, int total) {
        int width = table.width();
        boolean[] figure = new boolean[width];
        for (ReportPage.Placed placed : table.placed()) {
            if (placed.cell().dataCell() != null) {
                for (int c = placed.column(); c < placed.column() + placed.cell().colspan(); c++) {
                    figure[c] = true;
                }
            }
        }
        int figures = 0;
        for (boolean f : figure) {
            figures += f ? 1 : 0;
        }
        int labels = width - figures;
        int[] widths = new int[width];
        if (labels == 0 || figures == 0) {
            for (int c = 0; c < width; c++) {
                widths[c] = total / width;
            }
            return widths;
        }
        // Label columns by the square root of their longest own label: the leaf labels of table 三 are
        // long, the merged group labels beside them short, and neither should squeeze the other.
        double[] weight = new double[width];
        for (ReportPage.Placed placed : table.placed()) {
            ReportPage.Cell cell = placed.cell();
            if (cell.colspan() == 1 && !figure[placed.column()] && !cell.header()) {
                weight[placed.column()] = Math.max(weight[placed.column()], Math.sqrt(cell.text().length()));
            }
        }
        double weights = 0;
        for (int c = 0; c < width; c++) {
            if (!figure[c]) {
                weight[c] = Math.max(weight[c], 1.5);
                weights += weight[c];
            }
        }
        int figureWidth = (int) (total * (1 - LABEL_SHARE) / figures);
        int labelTotal = total - figureWidth * figures;
        for (int c = 0; c < width; c++) {
            widths[c] = figure[c] ? figureWidth : (int) (labelTotal * weight[c] / weights);
        }
        return widths;
    }

    private static long sum(int[] widths, int from, int to) {
        long s = 0;
        for (int c = from; c < to && c < widths.length; c++) {
            s += widths[c];
        }
        return s;
    }

    /** A run of text in an East-Asian face with Latin in Times New Roman; color and highlight may be null. */
    private static void run(StringBuilder x, String text, String eastAsia, double points, boolean bold, String color, String highlight) {
        x.append("<w:r>");
        runProperties(x, eastAsia, points, bold, color, highlight);
        x.append(Xml.needsPreserve(text) ? "<w:t xml:space=\"preserve\">" : "<w:t>");
        Xml.escaped(x, text).append("</w:t></w:r>");
    }

    private static void runProperties(StringBuilder x, String eastAsia, double points, boolean bold, String color, String highlight) {
        x.append("<w:rPr><w:rFonts w:ascii=\"").append(LATIN_FONT).append("\" w:hAnsi=\"").append(LATIN_FONT)
                .append("\" w:eastAsia=\"").append(eastAsia).append("\"/>");
        if (bold) {
            x.append("<w:b/>");
        }
        if (color != null) {
            x.append("<w:color w:val=\"").append(color).append("\"/>");
        }
        // Half-points.
        x.append("<w:sz w:val=\"").append(Math.round(points * 2)).append("\"/>");
        if (highlight != null) {
            x.append("<w:highlight w:val=\"").append(highlight).append("\"/>");
        }
        x.append("</w:rPr>");
    }

    private static long twips(double mm) {
        return Math.round(mm * TWIPS_PER_MM);
    }

    private static int pt(double points) {
        return (int) Math.round(points * 20);
    }
}

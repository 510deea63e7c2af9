package org.disclosurereports.outputs.office;

import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
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

    /** Twentieths of a point per millimetre. */
    public static final String FILE = "report.docx";

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

    private ReportDocx() {}

    /** The Word document of a rendered report page; the same page gives the same bytes. */
    public static byte[] of(String reportHtml, String author) {
        ReportPage page = ReportPage.parse(reportHtml);
        try (XWPFDocument doc = new XWPFDocument()) {
            pageSetup(doc);
            for (ReportPage.Block block : page.blocks()) {
                if (block instanceof ReportPage.Heading h) {
                    heading(doc, h);
                } else if (block instanceof ReportPage.Paragraph p) {
                    paragraph(doc, p);
                } else if (block instanceof ReportPage.Table t) {
                    table(doc, t);
                }
            }
            return ReproducibleZip.write(doc, page.title(), author);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Word document of " + page.title(), e);
        }
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(twips(PAGE_WIDTH_MM));
        size.setH(twips(PAGE_HEIGHT_MM));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(twips(MARGIN_TOP_MM));
        margins.setBottom(twips(PAGE_HEIGHT_MM - MARGIN_TOP_MM - TYPE_AREA_HEIGHT_MM));
        margins.setLeft(twips(MARGIN_LEFT_MM));
        margins.setRight(twips(PAGE_WIDTH_MM - MARGIN_LEFT_MM - TYPE_AREA_WIDTH_MM));
        margins.setHeader(twips(15));
        margins.setFooter(twips(15));
        pageNumbers(doc);
    }

    /**
     * A footer on every page with the page number between dashes, centred ("— 1 —", as GB/T 9704 has
     * it): a PAGE field Word fills in, so the number follows the office's edits.
     */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFFooter footer = new XWPFHeaderFooterPolicy(doc).createFooter(STHdrFtr.DEFAULT);
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        pageNumberRun(p).setText("\u2014 ");
        pageNumberRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        pageNumberRun(p).getCTR().addNewInstrText().setStringValue(" PAGE ");
        pageNumberRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        // What a reader shows before it updates the field.
        pageNumberRun(p).setText("1");
        pageNumberRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        pageNumberRun(p).setText(" \u2014");
    }

    private static XWPFRun pageNumberRun(XWPFParagraph p) {
        XWPFRun run = p.createRun();
        style(run, PAGE_NUMBER_FONT, PAGE_NUMBER_PT, false);
        return run;
    }

    private static void heading(XWPFDocument doc, ReportPage.Heading h) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
        p.setKeepNext(true);
        XWPFRun run = p.createRun();
        run.setText(h.text());
        switch (h.level()) {
            case 1 -> {
                p.setAlignment(ParagraphAlignment.CENTER);
                p.setSpacingBetween(TITLE_PT * 1.5, LineSpacingRule.EXACT);
                p.setSpacingAfter(pt(BODY_PT));
                style(run, TITLE_FONT, TITLE_PT, true);
            }
            case 2 -> {
                p.setIndentationFirstLine(pt(2 * BODY_PT));
                style(run, HEADING_FONT, BODY_PT, false);
            }
            default -> {
                p.setIndentationFirstLine(pt(2 * BODY_PT));
                style(run, SUBHEADING_FONT, BODY_PT, false);
            }
        }
    }

    private static void paragraph(XWPFDocument doc, ReportPage.Paragraph para) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
        p.setAlignment(ParagraphAlignment.BOTH);
        if (para.item()) {
            p.setIndentationLeft(pt(2 * BODY_PT));
        } else if (para.indented()) {
            p.setIndentationLeft(pt(2 * BODY_PT));
        } else {
            p.setIndentationFirstLine(pt(2 * BODY_PT));
        }
        if (para.item()) {
            XWPFRun bullet = p.createRun();
            bullet.setText("• ");
            style(bullet, BODY_FONT, BODY_PT, false);
        }
        for (ReportPage.Span span : para.spans()) {
            XWPFRun run = p.createRun();
            run.setText(span.text());
            style(run, BODY_FONT, BODY_PT, false);
            if (span.toWrite() || para.banner()) {
                // What the office must still write, and the notice that says so, stand out on screen.
                run.setTextHighlightColor(para.banner() && !span.toWrite() ? "lightGray" : "yellow");
            }
            if (para.banner() && !span.toWrite()) {
                run.setColor("8A0016");
            }
        }
    }

    private static void table(XWPFDocument doc, ReportPage.Table table) {
        double size = TABLE_PT.getOrDefault(table.name(), DEFAULT_TABLE_PT);
        int width = table.width();
        int[] columns = columnWidths(table, twips(TYPE_AREA_WIDTH_MM).intValue());
        XWPFTable t = doc.createTable();
        t.setTableAlignment(TableRowAlign.CENTER);
        CTTblPr properties = t.getCTTbl().getTblPr();
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        properties.getTblW().setType(STTblWidth.DXA);
        properties.getTblW().setW(BigInteger.valueOf(sum(columns, 0, width)));
        t.setTopBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setRightBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setCellMargins(0, 57, 0, 57);
        CTTblGrid grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : columns) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }

        // Word merges vertically by marking the cells below the first as continuing it: lay the grid out first.
        int rows = table.rows().size();
        ReportPage.Placed[][] origin = new ReportPage.Placed[rows][width];
        for (ReportPage.Placed placed : table.placed()) {
            for (int r = placed.row(); r < placed.row() + placed.cell().rowspan() && r < rows; r++) {
                origin[r][placed.column()] = placed;
            }
        }
        int headerRows = table.headerRows();
        for (int r = 0; r < rows; r++) {
            XWPFTableRow row = r == 0 ? t.getRow(0) : t.createRow();
            while (!row.getTableCells().isEmpty()) {
                row.removeCell(0);
            }
            row.setCantSplitRow(true);
            if (r < headerRows) {
                row.setRepeatHeader(true);
            }
            for (int c = 0; c < width; ) {
                ReportPage.Placed placed = origin[r][c];
                int span = placed == null ? 1 : placed.cell().colspan();
                XWPFTableCell cell = row.addNewTableCell();
                CTTcPr tc = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                tc.addNewTcW().setW(BigInteger.valueOf(sum(columns, c, c + span)));
                tc.getTcW().setType(STTblWidth.DXA);
                tc.addNewVAlign().setVal(STVerticalJc.CENTER);
                if (span > 1) {
                    tc.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                if (placed != null && placed.cell().rowspan() > 1) {
                    tc.addNewVMerge().setVal(placed.row() == r ? STMerge.RESTART : STMerge.CONTINUE);
                }
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setSpacingBetween(1.0);
                if (placed != null && placed.row() == r) {
                    ReportPage.Cell content = placed.cell();
                    boolean label = content.th() && !content.header() && content.dataCell() == null;
                    p.setAlignment(label && content.colspan() < width ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                    XWPFRun run = p.createRun();
                    run.setText(content.text());
                    style(run, TABLE_FONT, size, content.header());
                }
                c += span;
            }
        }
        // A paragraph after each table keeps two tables from running together when edited.
        doc.createParagraph().setSpacingBetween(1.0);
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

    static void style(XWPFRun run, String eastAsia, double points, boolean bold) {
        run.setFontFamily(LATIN_FONT, FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, FontCharRange.hAnsi);
        run.setFontFamily(eastAsia, FontCharRange.eastAsia);
        run.setFontSize(points);
        run.setBold(bold);
    }

    private static BigInteger twips(double mm) {
        return BigInteger.valueOf(Math.round(mm * TWIPS_PER_MM));
    }

    private static int pt(double points) {
        return (int) Math.round(points * 20);
    }
}

package org.disclosurereports.inputs.published;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes the published-report fixtures of {@code src/test/resources/published/}: reports as other
 * tools publish them, each beside {@code NAME.expected.json}, the figures it prints (blank cells null)
 * and the numbers its text quotes. The figures are those of {@code audit/published-2023-clean.json};
 * some fixtures break identity D or rule F on purpose, or print blanks.
 * <ul>
 *   <li>{@code word-2023.html}: Word's "save as web page" (GB2312, {@code MsoNormal} paragraphs and spans in
 *       cells, {@code &nbsp;} in blank cells, full-width digits and brackets, a header label split over two lines);</li>
 *   <li>{@code cms-2023-broken.html}: a CMS editor's table ({@code <p>} and {@code <span>} in cells, table 三 with two
 *       label columns and its group heading on a row of its own, no 总计 column, "—" for blanks), breaking D and F;</li>
 *   <li>{@code libreoffice-2023.pdf} and {@code libreoffice-2023-broken.pdf}: a .docx written here with POI and
 *       printed by LibreOffice (table 三 runs over a page break without repeating its header).</li>
 * </ul>
 * The PDFs are committed, so the tests need no LibreOffice. To write them again (LibreOffice installed):
 * {@code mvn -B -o -q test-compile && java -cp "target/test-classes:target/classes:$(mvn -B -o -q
 * dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" org.disclosurereports.inputs.published.PublishedFixtures}
 */
public final class PublishedFixtures {

    static final Path DIR = Path.of("src/test/resources/published");
    static final Path KNOWN = Path.of("src/test/resources/audit/published-2023-clean.json");

    /** A cell as the author merged it. */
    record Cell(String text, int rowspan, int colspan, boolean header) {
        static Cell th(String text, int rowspan, int colspan) {
            return new Cell(text, rowspan, colspan, true);
        }

        static Cell td(String text) {
            return new Cell(text, 1, 1, false);
        }
    }

    /** How a fixture prints its figures. */
    enum Style { WORD, CMS, DOCX }

    /** The broken cells: the printed value differs from the known figure. */
    record Fixture(String name, Style style, boolean printTotal, Map<String, BigDecimal> changed, List<String> blanks,
                   Map<String, BigDecimal> misquoted) {}

    static final List<Fixture> FIXTURES = List.of(
            new Fixture("word-2023", Style.WORD, true, Map.of(),
                    List.of("table3.denied_admin_query.research", "table4.litigation_direct.other"), Map.of()),
            new Fixture("cms-2023-broken", Style.CMS, false, Map.of("table4.review.total", BigDecimal.ZERO),
                    List.of("table3.granted.research"), Map.of("table2.normative_documents.valid", new BigDecimal(393))),
            new Fixture("libreoffice-2023", Style.DOCX, true, Map.of(), List.of("table3.other_no_fee.legal_service"), Map.of()),
            new Fixture("libreoffice-2023-broken", Style.DOCX, true, Map.of("table4.litigation_after_review.total", BigDecimal.ZERO),
                    List.of(), Map.of("table3.new_received.total", new BigDecimal(170))));

    private final ReportFormat format = ReportFormat.current();

    public static void main(String[] args) throws Exception {
        new PublishedFixtures().writeAll();
    }

    void writeAll() throws Exception {
        Files.createDirectories(DIR);
        for (Fixture f : FIXTURES) {
            PublishedTables printed = printed(f);
            List<String> text = narrative(printed, f);
            Files.write(DIR.resolve(f.name() + ".expected.json"), TablesJson.write(printed, Map.of()));
            List<List<List<Cell>>> tables = List.of(table2(printed, f), table3(printed, f), table4(printed, f));
            switch (f.style()) {
                case WORD -> Files.write(DIR.resolve(f.name() + ".html"), wordHtml(printed, text, tables).getBytes(Charset.forName("GB2312")));
                case CMS -> Files.writeString(DIR.resolve(f.name() + ".html"), cmsHtml(printed, text, tables));
                case DOCX -> docxToPdf(f.name(), printed, text, tables);
            }
        }
    }

    /** The figures as the fixture prints them: the known ones, changed and blanked as it says. */
    PublishedTables printed(Fixture f) throws TablesJson.Unreadable {
        PublishedTables known = TablesJson.readAsPrinted(KNOWN, format);
        PublishedTables p = new PublishedTables(format, null, known.agencyName(), known.year(), "agency");
        for (String ref : known.tableRefs()) {
            p.set(ref, known.get(ref));
        }
        f.changed().forEach(p::set);
        f.blanks().forEach(ref -> p.set(ref, (BigDecimal) null));
        if (!f.printTotal()) {
            for (GridShape.Row r : format.table3Shape().rows()) {
                p.set(CellRef.of("table3", r.key(), "total").toString(), (BigDecimal) null);
            }
        }
        return p;
    }

    /** The text: sections 一 and the figures it quotes, a misquoted one where the fixture breaks rule F. */
    List<String> narrative(PublishedTables p, Fixture f) {
        List<String> out = new ArrayList<>();
        out.add(p.agencyName() + p.year() + "年政府信息公开工作年度报告");
        out.add("本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限为" + p.year() + "年1月1日至" + p.year() + "年12月31日。");
        out.add("一、总体情况");
        String valid = quote(p, f, "table2.normative_documents.valid");
        String received = quote(p, f, "table3.new_received.total");
        String granted = quote(p, f, "table3.granted.total");
        out.add("（一）主动公开。截至" + p.year() + "年12月31日，现行有效行政规范性文件" + valid + "件；本年度作出行政许可决定"
                + quote(p, f, "table2.licensing.decisions") + "件。");
        out.add("（二）依申请公开。本年度新收政府信息公开申请" + received + "件，其中予以公开" + granted + "件。");
        for (int i = 0; i < 6; i++) {
            out.add("（三）政府信息管理。持续做好公文公开属性源头认定，动态更新政府信息公开目录和行政规范性文件，"
                    + "及时开展政策解读，做到应公开尽公开、应解读尽解读，每季度检查一次目录更新情况并通报结果。");
        }
        out.add("二、主动公开政府信息情况");
        return out;
    }

    private BigDecimal known(String ref) {
        try {
            return TablesJson.readAsPrinted(KNOWN, format).get(ref);
        } catch (TablesJson.Unreadable e) {
            throw new IllegalStateException(e);
        }
    }

    private String quote(PublishedTables p, Fixture f, String ref) {
        // A column the fixture does not print is still quoted in its text, with the figure it would have printed.
        BigDecimal v = f.misquoted().getOrDefault(ref, p.get(ref) == null ? known(ref) : p.get(ref));
        p.addTextFigure(new PublishedTables.TextFigure(List.of(ref), v, ""));
        return TablesJson.plain(v);
    }

    // ---- the tables, merged as each style merges them ----

    private String value(PublishedTables p, String ref, Style style, int index) {
        BigDecimal v = p.get(ref);
        if (v == null) {
            return switch (style) {
                case WORD -> "\u00a0";
                case CMS -> "—";
                case DOCX -> index % 2 == 0 ? "" : "—";
            };
        }
        String s = TablesJson.plain(v);
        return style == Style.WORD && index % 3 == 0 ? fullWidth(s) : s;
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == '.' ? '．' : c);
        }
        return sb.toString();
    }

    List<List<Cell>> table2(PublishedTables p, Fixture f) {
        List<List<Cell>> rows = new ArrayList<>();
        int i = 0;
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            rows.add(List.of(Cell.th(block.article(), 1, 4)));
            List<Cell> header = new ArrayList<>();
            header.add(Cell.th(format.table2().firstColumnLabel(), 1, 1));
            for (ReportFormat.Column c : block.columns()) {
                header.add(Cell.th(c.label(), 1, block.columns().size() == 1 ? 3 : 1));
            }
            rows.add(header);
            for (ReportFormat.Table2Row r : block.rows()) {
                List<Cell> row = new ArrayList<>();
                row.add(Cell.th(f.style() == Style.WORD ? " " + r.label() + " " : r.label(), 1, 1));
                for (ReportFormat.Column c : block.columns()) {
                    row.add(new Cell(value(p, CellRef.of("table2", r.key(), c.key()).toString(), f.style(), i++), 1,
                            block.columns().size() == 1 ? 3 : 1, false));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    List<List<Cell>> table3(PublishedTables p, Fixture f) {
        GridShape s = format.table3Shape();
        boolean cms = f.style() == Style.CMS;
        int labels = cms ? 2 : s.labelColumns();
        int data = f.printTotal() ? 7 : 6;
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.th(s.cornerNote(), 3, labels), Cell.th(s.columnGroupLabel(), 1, data)));
        List<Cell> second = new ArrayList<>(List.of(Cell.th("自然人", 2, 1), Cell.th("法人或其他组织", 1, 5)));
        if (f.printTotal()) {
            second.add(Cell.th("总计", 2, 1));
        }
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (ReportFormat.Column c : s.columns()) {
            if (c.group() != null) {
                String label = c.label().equals("法律服务机构") && f.style() == Style.WORD ? "法律服务\n机构" : c.label();
                third.add(Cell.th(label, 1, 1));
            }
        }
        rows.add(third);
        int i = 0;
        String lastGroup = null;
        for (GridShape.Row r : s.rows()) {
            List<Cell> row = new ArrayList<>();
            if (cms) {
                // Two label columns: the outer group is a row of its own, the inner group spans its leaves.
                if (!r.groups().isEmpty() && !r.groups().get(0).equals(lastGroup)) {
                    List<Cell> heading = new ArrayList<>(List.of(Cell.th(r.groups().get(0), 1, 2)));
                    for (int c = 0; c < data; c++) {
                        heading.add(Cell.td(""));
                    }
                    rows.add(heading);
                }
                lastGroup = r.groups().isEmpty() ? null : r.groups().get(0);
                if (r.groups().size() == 2) {
                    String group = r.groups().get(1);
                    boolean starts = r.index() == 0 || !s.rows().get(r.index() - 1).groups().contains(group);
                    if (starts) {
                        int span = (int) s.rows().stream().filter(x -> x.groups().contains(group)).count();
                        row.add(Cell.th(group, span, 1));
                    }
                    row.add(Cell.th(r.label(), 1, 1));
                } else {
                    row.add(Cell.th(r.label(), 1, 2));
                }
            } else {
                for (GridShape.LabelCell l : s.labelCells(r.index())) {
                    String text = f.style() == Style.WORD ? halfWidthOrdinals(l.text()) : l.text();
                    row.add(Cell.th(text, l.rowspan(), l.colspan()));
                }
            }
            for (ReportFormat.Column c : s.columns()) {
                if (c.computed() && !f.printTotal()) {
                    continue;
                }
                row.add(Cell.td(value(p, CellRef.of("table3", r.key(), c.key()).toString(), f.style(), i++)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Word documents mix the forms: (一) for （一）, 1． for 1. */
    private static String halfWidthOrdinals(String label) {
        return label.replaceFirst("^（([一二三四五六七])）", "($1)").replaceFirst("^(\\d)\\.", "$1．");
    }

    List<List<Cell>> table4(PublishedTables p, Fixture f) {
        GridShape s = format.table4Shape();
        List<List<Cell>> rows = new ArrayList<>();
        ReportFormat.Column review = format.table4().kinds().get(0);
        rows.add(List.of(Cell.th(review.label(), 2, 5), Cell.th("行政诉讼", 1, 10)));
        List<Cell> second = new ArrayList<>();
        for (ReportFormat.Column kind : format.table4().kinds().subList(1, 3)) {
            second.add(Cell.th(kind.label(), 1, 5));
        }
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        List<Cell> values = new ArrayList<>();
        int i = 0;
        for (ReportFormat.Column kind : format.table4().kinds()) {
            for (ReportFormat.Column c : s.columns()) {
                third.add(Cell.th(c.label(), 1, 1));
                values.add(Cell.td(value(p, CellRef.of("table4", kind.key(), c.key()).toString(), f.style(), i++)));
            }
        }
        rows.add(third);
        rows.add(values);
        return rows;
    }

    // ---- Word's "save as web page" ----

    String wordHtml(PublishedTables p, List<String> text, List<List<List<Cell>>> tables) {
        StringBuilder sb = new StringBuilder();
        sb.append("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
                + "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n"
                + "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n<meta name=Generator content=\"Microsoft Word 15 (filtered)\">\n"
                + "<title>" + text.get(0) + "</title>\n<style>\n<!--\np.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线;}\n-->\n</style>\n</head>\n"
                + "<body lang=ZH-CN style='text-justify-trim:punctuation'>\n<div class=WordSection1>\n");
        int t = 0;
        for (String paragraph : text) {
            sb.append("<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>")
                    .append(paragraph.replace("，", "，<span lang=EN-US>&nbsp;</span>")).append("<o:p></o:p></span></p>\n");
            if (paragraph.startsWith("二、")) {
                for (List<List<Cell>> table : tables) {
                    sb.append("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=595 "
                            + "style='width:446.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>\n");
                    for (List<Cell> row : table) {
                        sb.append(" <tr style='mso-yfti-irow:").append(t++).append("'>\n");
                        for (Cell c : row) {
                            sb.append("  <td").append(spans(c, "")).append(" valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
                                    + "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:9.0pt;font-family:仿宋_GB2312'>")
                                    .append(c.text().replace("\n", "<br>").replace("\u00a0", "&nbsp;")).append("<o:p></o:p></span></p></td>\n");
                        }
                        sb.append(" </tr>\n");
                    }
                    sb.append("</table>\n<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>\n");
                }
            }
        }
        return sb.append("</div>\n</body>\n</html>\n").toString();
    }

    private static String spans(Cell c, String quote) {
        return (c.colspan() > 1 ? " colspan=" + quote + c.colspan() + quote : "") + (c.rowspan() > 1 ? " rowspan=" + quote + c.rowspan() + quote : "");
    }

    // ---- a CMS editor ----

    String cmsHtml(PublishedTables p, List<String> text, List<List<List<Cell>>> tables) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + text.get(0)
                + "_政府信息公开年报</title></head>\n<body><div class=\"TRS_Editor\"><div class=\"view TRS_UEDITOR\">\n");
        for (String paragraph : text) {
            sb.append("<p style=\"text-indent: 2em;\"><span style=\"font-family: 仿宋, SimSun;\">").append(paragraph).append("</span></p>\n");
            if (paragraph.startsWith("二、")) {
                for (List<List<Cell>> table : tables) {
                    sb.append("<table width=\"100%\" border=\"1\" cellspacing=\"0\"><tbody>\n");
                    for (List<Cell> row : table) {
                        sb.append("<tr>");
                        for (Cell c : row) {
                            sb.append("<td").append(spans(c, "\"")).append(" style=\"text-align: center;\"><p><span style=\"font-size: 14px;\">")
                                    .append(c.text()).append("</span></p></td>");
                        }
                        sb.append("</tr>\n");
                    }
                    sb.append("</tbody></table>\n");
                }
            }
        }
        return sb.append("</div></div></body></html>\n").toString();
    }

    // ---- a .docx printed by LibreOffice ----

    void docxToPdf(String name, PublishedTables p, List<String> text, List<List<List<Cell>>> tables) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("published-fixture");
        Path docx = work.resolve(name + ".docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            doc.getProperties().getCoreProperties().setTitle(text.get(0));
            for (String paragraph : text) {
                XWPFParagraph para = doc.createParagraph();
                para.createRun().setText(paragraph);
                if (paragraph.startsWith("二、")) {
                    for (List<List<Cell>> table : tables) {
                        docxTable(doc, table);
                        doc.createParagraph();
                    }
                }
            }
            doc.write(out);
        }
        Process lo = new ProcessBuilder("libreoffice", "--headless", "--convert-to", "pdf", "--outdir", work.toString(), docx.toString())
                .redirectErrorStream(true).start();
        String log = new String(lo.getInputStream().readAllBytes());
        if (!lo.waitFor(180, TimeUnit.SECONDS) || lo.exitValue() != 0) {
            throw new IOException("libreoffice failed: " + log);
        }
        Files.copy(work.resolve(name + ".pdf"), DIR.resolve(name + ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void docxTable(XWPFDocument doc, List<List<Cell>> rows) {
        TextGrid.Builder b = new TextGrid.Builder();
        for (int r = 0; r < rows.size(); r++) {
            b.row(r);
            for (Cell c : rows.get(r)) {
                b.add(r, c.text(), c.rowspan(), c.colspan());
            }
        }
        TextGrid grid = b.build(0, 0);
        XWPFTable table = doc.createTable(grid.rows(), 1);
        // Word writes the grid of the table's columns; LibreOffice lays spanned cells out on it.
        CTTblGrid columns = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (columns.sizeOfGridColArray() > 0) {
            columns.removeGridCol(0);
        }
        for (int c = 0; c < grid.columns(); c++) {
            columns.addNewGridCol().setW(BigInteger.valueOf(9000 / grid.columns()));
        }
        for (int r = 0; r < grid.rows(); r++) {
            XWPFTableRow row = table.getRow(r);
            while (row.getTableCells().size() > 0) {
                row.removeCell(0);
            }
            int s = 0;
            while (s < grid.columns()) {
                TextGrid.Cell c = grid.slot(r, s);
                XWPFTableCell cell = row.addNewTableCell();
                CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                int span = c == null ? 1 : c.colspan();
                if (span > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                CTTblWidth width = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
                width.setType(STTblWidth.DXA);
                width.setW(BigInteger.valueOf(9000L / grid.columns() * span));
                if (c != null && c.rowspan() > 1) {
                    pr.addNewVMerge().setVal(c.row() == r ? STMerge.RESTART : STMerge.CONTINUE);
                }
                String[] lines = c == null || c.row() != r ? new String[] {""} : c.text().split("\n");
                XWPFParagraph para = cell.getParagraphs().get(0);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        para.createRun().addBreak();
                    }
                    para.createRun().setText(lines[i]);
                }
                s += span;
            }
        }
    }
}

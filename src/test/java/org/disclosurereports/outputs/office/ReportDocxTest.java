package org.disclosurereports.outputs.office;

import org.disclosurereports.render.RenderFixtures;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.outputs.office.OfficeFixtures.HTML;
import static org.disclosurereports.outputs.office.OfficeFixtures.JSON;

class ReportDocxTest {

    private static final byte[] DOCX = ReportDocx.of(HTML, "上海市青浦区练塘镇人民政府");

    /** A Word cell at its grid position: where it starts, how far it spans, whether it continues a merge from above. */
    record WordCell(int row, int column, int colspan, boolean continued, boolean restarts, String text) {}

    static List<WordCell> grid(XWPFTable table) {
        List<WordCell> cells = new ArrayList<>();
        for (int r = 0; r < table.getRows().size(); r++) {
            XWPFTableRow row = table.getRow(r);
            int column = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = pr != null && pr.getGridSpan() != null ? pr.getGridSpan().getVal().intValue() : 1;
                boolean merged = pr != null && pr.getVMerge() != null;
                boolean restart = merged && STMerge.RESTART.equals(pr.getVMerge().getVal());
                cells.add(new WordCell(r, column, span, merged && !restart, restart, cell.getText()));
                column += span;
            }
        }
        return cells;
    }

    private static XWPFDocument read() throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(DOCX));
    }

    @Test
    void everyTableCellIsTheReportsCellAndEveryFigureIsTheFigureOfTablesJson() throws Exception {
        ReportPage page = ReportPage.parse(HTML);
        List<ReportPage.Table> tables = page.blocks().stream()
                .filter(b -> b instanceof ReportPage.Table).map(b -> (ReportPage.Table) b).toList();
        assertThat(tables).extracting(ReportPage.Table::name).containsExactly("table2", "table3", "table4");
        try (XWPFDocument doc = read()) {
            assertThat(doc.getTables()).hasSize(tables.size());
            int figures = 0;
            for (int i = 0; i < tables.size(); i++) {
                ReportPage.Table html = tables.get(i);
                Map<String, WordCell> word = new HashMap<>();
                for (WordCell c : grid(doc.getTables().get(i))) {
                    word.put(c.row() + ":" + c.column(), c);
                }
                for (ReportPage.Placed placed : html.placed()) {
                    WordCell c = word.get(placed.row() + ":" + placed.column());
                    assertThat(c).as("%s cell at %d:%d", html.name(), placed.row(), placed.column()).isNotNull();
                    assertThat(c.continued()).isFalse();
                    assertThat(c.colspan()).as(placed.cell().text()).isEqualTo(placed.cell().colspan());
                    assertThat(c.restarts()).as(placed.cell().text()).isEqualTo(placed.cell().rowspan() > 1);
                    assertThat(c.text()).isEqualTo(placed.cell().text());
                    if (placed.cell().dataCell() != null) {
                        BigDecimal expected = OfficeFixtures.jsonValue(JSON, placed.cell().dataCell());
                        assertThat(new BigDecimal(c.text())).as(placed.cell().dataCell()).isEqualByComparingTo(expected);
                        figures++;
                    }
                    // The cells a vertical merge covers continue it, down to its last row.
                    for (int r = placed.row() + 1; r < placed.row() + placed.cell().rowspan(); r++) {
                        WordCell below = word.get(r + ":" + placed.column());
                        assertThat(below).isNotNull();
                        assertThat(below.continued()).isTrue();
                        assertThat(below.text()).isEmpty();
                    }
                }
            }
            // Every cell of the layout is a figure of some Word table (the 信息处理费 is not in a table).
            int layoutCells = YearWorkbook.cellKeys(RenderFixtures.FORMAT).size() - 1;
            assertThat(figures).isEqualTo(layoutCells);
        }
    }

    @Test
    void passagesToWriteAreHighlightedAndTextIsSetInChineseFaces() throws Exception {
        try (XWPFDocument doc = read()) {
            List<XWPFRun> toWrite = new ArrayList<>();
            boolean title = false;
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun run : p.getRuns()) {
                    if (run.text().contains("【待填写")) {
                        toWrite.add(run);
                    }
                    if (run.text().endsWith("年政府信息公开工作年度报告") && run.isBold()) {
                        title = true;
                        assertThat(run.getFontSizeAsDouble()).isEqualTo(ReportDocx.TITLE_PT);
                        assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo(ReportDocx.TITLE_FONT);
                    }
                }
            }
            assertThat(title).isTrue();
            assertThat(toWrite).isNotEmpty().allSatisfy(run -> {
                assertThat(run.isHighlighted()).isTrue();
                assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo(ReportDocx.BODY_FONT);
                assertThat(run.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo(ReportDocx.LATIN_FONT);
            });
            String text = new XWPFWordExtractor(doc).getText();
            for (ReportPage.Block b : ReportPage.parse(HTML).blocks()) {
                if (b instanceof ReportPage.Heading h) {
                    assertThat(text).contains(h.text());
                } else if (b instanceof ReportPage.Paragraph p) {
                    assertThat(text).contains(p.text());
                }
            }
        }
    }

    @Test
    void everyPageHasItsNumberBetweenDashesCentredInTheFooter() throws Exception {
        try (XWPFDocument doc = read()) {
            assertThat(doc.getFooterList()).hasSize(1);
            XWPFFooter footer = doc.getHeaderFooterPolicy().getDefaultFooter();
            assertThat(footer).isNotNull();
            XWPFParagraph p = footer.getParagraphs().get(0);
            assertThat(p.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            String xml = p.getCTP().xmlText();
            assertThat(xml).contains("w:instrText").contains(" PAGE ")
                    .containsSubsequence("fldCharType=\"begin\"", "fldCharType=\"separate\"", "fldCharType=\"end\"");
            assertThat(p.getText()).isEqualTo("\u2014 1 \u2014");
            assertThat(p.getRuns()).allSatisfy(run -> assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体"));
        }
    }

    @Test
    void theSamePageGivesTheSameBytesWithFixedEntryTimesAndNoDates() throws Exception {
        assertThat(ReportDocx.of(HTML, "上海市青浦区练塘镇人民政府")).isEqualTo(DOCX);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(DOCX))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
                if (e.getName().equals("docProps/core.xml")) {
                    String core = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(core).doesNotContain("dcterms:created").doesNotContain("dcterms:modified");
                }
            }
        }
    }
}

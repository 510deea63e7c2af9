package org.disclosurereports.render;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.render.RenderFixtures.FORMAT;

class RenderReportPdfTest {

    private static final ReportRenderer RENDERER = new ReportRenderer(FORMAT, Templates.shipped());
    private static final ReportView VIEW = ReportView.of(FORMAT, RenderFixtures.agency(), RenderFixtures.tables(), List.of());
    private static final byte[] PDF = RENDERER.pdf(VIEW);

    /** Page texts with line breaks removed, since labels and sentences wrap inside table cells and paragraphs. */
    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder sb = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                sb.append(extractor.getTextFromPage(page)).append('\n');
            }
            return sb.toString();
        } finally {
            reader.close();
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void isAnA4Pdf() throws Exception {
        assertThat(new String(PDF, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(PDF);
        try {
            assertThat(reader.getNumberOfPages()).isBetween(2, 8);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                Rectangle size = reader.getPageSize(page);
                assertThat(size.getWidth()).isCloseTo(595.3f, Offset.offset(1f));
                assertThat(size.getHeight()).isCloseTo(841.9f, Offset.offset(1f));
            }
            assertThat(reader.getInfo().get("Title")).isEqualTo(VIEW.title());
        } finally {
            reader.close();
        }
    }

    @Test
    void textExtractsWithHeadingsLabelsAndFiguresIntact() throws Exception {
        String text = text(PDF);
        String flat = flat(text);
        assertThat(flat).contains(VIEW.title());
        for (ReportFormat.Section s : FORMAT.sections()) {
            assertThat(text).contains(s.heading());
        }
        FORMAT.table2().blocks().forEach(b -> {
            assertThat(flat).contains(b.article());
            b.rows().forEach(r -> assertThat(flat).contains(r.label()));
            b.columns().forEach(c -> assertThat(flat).contains(flat(c.label())));
        });
        GridShape shape3 = FORMAT.table3Shape();
        for (GridShape.Row r : shape3.rows()) {
            assertThat(flat).contains(r.label());
        }
        assertThat(flat).contains(shape3.cornerNote());
        FORMAT.table4().kinds().forEach(k -> assertThat(flat).contains(k.label()));
        // digits after Latin and CJK text must survive (CFF fonts garble them in OpenPDF)
        assertThat(text).contains("5949.088667").contains("1234").contains("8001");
        // the address is longer than a line of 28 characters at 16 pt: it wraps, and the link's parts are drawn apart
        assertThat(flat).contains("https://www.example.gov.cn/lt/xxgk").contains("/ndbg/");
        assertThat(flat).contains("2023年1月1日至2023年12月31日").contains("草稿").contains("第1页/共");
        // OpenPDF's extractor returns text runs in drawing order, and Flying Saucer draws each inline
        // element (a narrative figure is a span) as its own run: check the figures, not their order.
        assertThat(text).contains("6390").contains("120.50");
    }

    /** Reading order as a PDF viewer copies it, via poppler's pdftotext when it is installed. */
    @Test
    void narrativeReadsInOrderWithPdftotext(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("report.pdf");
        Files.write(pdf, PDF);
        Process p;
        try {
            p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            Assumptions.abort("pdftotext (poppler-utils) is not installed");
            return;
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        String flat = flat(text);
        assertThat(flat).contains("本年度新收政府信息公开申请6390件（其中自然人1017件、法人或其他组织5373件）")
                .contains("本年度办结8001件").contains("结转下年度继续办理57件")
                .contains("本年度收取行政事业性收费5949.088667万元")
                .contains("收取信息处理费120.50元");
    }

    @Test
    void theFontsAreEmbeddedAsSubsetsWithTheSerifFaceForTheBody() throws Exception {
        PdfReader reader = new PdfReader(PDF);
        List<String> embedded = new ArrayList<>();
        try {
            for (int i = 1; i < reader.getXrefSize(); i++) {
                PdfObject o = reader.getPdfObject(i);
                if (o instanceof PdfDictionary d && PdfName.FONTDESCRIPTOR.equals(d.get(PdfName.TYPE))) {
                    if (d.get(PdfName.FONTFILE2) != null) {
                        embedded.add(d.get(PdfName.FONTNAME).toString());
                    }
                }
            }
        } finally {
            reader.close();
        }
        assertThat(embedded).isNotEmpty().allMatch(name -> name.matches("/[A-Z]{6}\\+(NotoSansSC|LXGWWenKai)-(Regular|Bold)"));
        // the section headings are set in the sans face (the 黑体 of a 公文), the body in the serif face when installed
        assertThat(embedded).anyMatch(name -> name.endsWith("NotoSansSC-Regular"));
        if (PdfFonts.hasSerif()) {
            assertThat(embedded).anyMatch(name -> name.endsWith("LXGWWenKai-Regular")).anyMatch(name -> name.endsWith("LXGWWenKai-Bold"));
        }
        assertThat(PDF.length).as("subset, not the 10 MB font").isLessThan(600_000);
    }

    @Test
    void sameInputGivesTheSameBytes() {
        ReportRenderer other = new ReportRenderer(FORMAT, Templates.shipped());
        ReportView again = ReportView.of(FORMAT, RenderFixtures.agency(), RenderFixtures.tables(), List.of());
        assertThat(other.pdf(again)).isEqualTo(PDF);
        String raw = new String(PDF, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("/CreationDate").doesNotContain("/ModDate");
    }

    @Test
    void differentFiguresGiveADifferentFileId() {
        StatutoryTables bigger = RenderFixtures.tables("QP-LT", "上海市青浦区练塘镇人民政府", StatutoryTables.SCOPE_AGENCY, 2, null);
        byte[] other = RENDERER.pdf(ReportView.of(FORMAT, RenderFixtures.agency(), bigger, List.of()));
        assertThat(fileId(other)).isNotEqualTo(fileId(PDF));
    }

    private static String fileId(byte[] pdf) {
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = raw.lastIndexOf("/ID");
        return raw.substring(at, raw.indexOf(']', at));
    }

    @Test
    void concurrentRendersDoNotInterfere() throws Exception {
        StatutoryTables summary = RenderFixtures.tables("QP", "上海市青浦区人民政府", StatutoryTables.SCOPE_SUMMARY, 3, null);
        var agency = new Agency("QP", "上海市青浦区人民政府", null, "区政府", null, null, null, null);
        ReportView second = ReportView.of(FORMAT, agency, summary, List.of("上海市青浦区人民政府", "上海市青浦区练塘镇人民政府"));
        byte[] secondAlone = RENDERER.pdf(second);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> RENDERER.pdf(VIEW)));
                runs.add(pool.submit(() -> RENDERER.pdf(second)));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertThat(Arrays.equals(runs.get(i).get(), i % 2 == 0 ? PDF : secondAlone)).as("run %d", i).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.disclosurereports.inputs.published;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.rules.Auditor;
import org.disclosurereports.core.rules.Finding;
import org.disclosurereports.core.rules.Validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Published reports not written by us (see {@link PublishedFixtures}) read back to their known figures, and audited. */
class PublishedImportTest {

    private static final Path DIR = PublishedFixtures.DIR;
    private final ReportFormat format = ReportFormat.current();
    private final PublishedImport importer = PublishedImport.shipped();

    private ImportedReport read(String file) throws IOException {
        Path path = DIR.resolve(file);
        return importer.read(path, PublishedImport.kindOf(path));
    }

    private PublishedTables expected(String name) throws TablesJson.Unreadable {
        return TablesJson.readAsPrinted(DIR.resolve(name + ".expected.json"), format);
    }

    @ParameterizedTest
    @CsvSource({"word-2023.html", "cms-2023-broken.html", "libreoffice-2023.pdf", "libreoffice-2023-broken.pdf", "renderer-2024.pdf"})
    void everyCellIsReadAsPrintedBlankCellsAsNull(String file) throws Exception {
        ImportedReport report = read(file);
        PublishedTables want = expected(file.substring(0, file.lastIndexOf('.')));
        List<String> differing = new ArrayList<>();
        for (String ref : want.tableRefs()) {
            if (!sameNumber(want.get(ref), report.tables().get(ref))) {
                differing.add(ref + ": expected " + want.get(ref) + ", read " + report.tables().get(ref));
            }
        }
        assertThat(differing).isEmpty();
        assertThat(report.format()).isEqualTo(ReportFormat.CURRENT);
        assertThat(report.tables().year()).isEqualTo(want.year());
        assertThat(report.tables().agencyName()).isEqualTo(want.agencyName());
        // The quoted numbers and the cells they state, as the fixture's text quotes them.
        for (PublishedTables.TextFigure f : want.textFigures()) {
            assertThat(report.tables().textFigures())
                    .anySatisfy(read -> {
                        assertThat(read.cells()).isEqualTo(f.cells());
                        assertThat(read.value()).isEqualByComparingTo(f.value());
                        assertThat(read.quote()).contains(TablesJson.plain(f.value()));
                    });
        }
        // Nothing printed is left unplaced: only cells the document does not print are reported.
        assertThat(report.unmatched()).allSatisfy(u -> assertThat(u.place()).isNull());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }

    @Test
    void aColumnNotPrintedIsReportedOnceAndLeftBlank() throws Exception {
        ImportedReport report = read("cms-2023-broken.html");
        assertThat(report.unmatched()).extracting(ImportedReport.Unmatched::text).containsExactly("表三“总计”");
        assertThat(report.tables().get("table3.granted.total")).isNull();
        assertThat(report.cellsUnreadable()).isEqualTo(25);
        assertThat(report.blankCells()).isEqualTo(1);
    }

    @Test
    void aRowCutByThePageBreakIsJoinedAndTheTableContinuesWithoutItsHeader() throws Exception {
        ImportedReport report = read("libreoffice-2023.pdf");
        ImportedReport.Place first = report.places().get("table3.new_received.natural_person");
        ImportedReport.Place later = report.places().get("table3.carried_forward.total");
        assertThat(later.page()).isGreaterThan(first.page());
        assertThat(report.places().get("table3.denied_state_secret.natural_person").rowLabel()).contains("国家秘");
    }

    @Test
    void textThatCannotBePlacedIsReportedWithItsPosition() {
        TextGrid grid = new TextGrid.Builder().add(0, "信息内容", 1, 1).add(0, "本年制发件数", 1, 1)
                .add(1, "规章", 1, 1).add(1, "3", 1, 1)
                .add(2, "地方性法规", 1, 1).add(2, "7", 1, 1).build(0, 1);
        ImportedReport report = importer.match(new PublishedDocument(Path.of("x.html"), "html", "某局2024年政府信息公开工作年度报告",
                List.of(grid), List.of()));
        assertThat(report.tables().get("table2.regulations.made")).isEqualByComparingTo("3");
        assertThat(report.unmatched()).anySatisfy(u -> {
            assertThat(u.text()).isEqualTo("地方性法规 | 7");
            assertThat(u.place()).hasToString("table 1, row 3, column 1");
        });
        assertThat(report.tables().agencyName()).isEqualTo("某局");
        assertThat(report.tables().year()).isEqualTo(2024);
    }

    @Test
    void aHeaderSplitOverTwoRowsAndATableContinuedWithoutItsHeaderAreReadByLabel() {
        TextGrid.Builder first = new TextGrid.Builder()
                .add(0, "", 2, 1).add(0, "自然人", 2, 1).add(0, "商业", 1, 1).add(0, "其　他", 2, 1).add(0, "总 计", 2, 1)
                .add(1, "企业", 1, 1)
                .add(2, "一、本年新收政府信息公开申请数量", 1, 1).add(2, "１２", 1, 1).add(2, "3", 1, 1).add(2, "—", 1, 1).add(2, "15", 1, 1);
        // The next page goes on with the rows, its header not repeated and one label column more.
        TextGrid.Builder next = new TextGrid.Builder()
                .add(0, "四、", 1, 1).add(0, "结转下年度继续办理", 1, 1).add(0, "4", 1, 1).add(0, "0", 1, 1).add(0, "", 1, 1).add(0, "4", 1, 1);
        ImportedReport report = importer.match(new PublishedDocument(Path.of("x.pdf"), "pdf", "", List.of(first.build(1, 1), next.build(2, 2)), List.of()));
        PublishedTables t = report.tables();
        assertThat(t.get("table3.new_received.natural_person")).isEqualByComparingTo("12");
        assertThat(t.get("table3.new_received.commercial")).isEqualByComparingTo("3");
        assertThat(t.get("table3.new_received.other")).isNull();
        assertThat(t.get("table3.new_received.total")).isEqualByComparingTo("15");
        assertThat(t.get("table3.carried_forward.natural_person")).isEqualByComparingTo("4");
        assertThat(t.get("table3.carried_forward.other")).isNull();
        assertThat(report.places().get("table3.carried_forward.total").page()).isEqualTo(2);
        assertThat(report.blankCells()).isEqualTo(2);
        // The columns this report does not print (科研机构 …) are listed once each, not cell by cell.
        assertThat(report.unmatched()).extracting(ImportedReport.Unmatched::text).contains("表三“科研机构”");
    }

    @ParameterizedTest
    @CsvSource({
            "word-2023.html,",
            "libreoffice-2023.pdf,",
            "renderer-2024.pdf,",
            "cms-2023-broken.html, D:table4.review.total F:table2.normative_documents.valid",
            "libreoffice-2023-broken.pdf, D:table4.litigation_after_review.total F:table3.new_received.total"})
    void brokenReportsFlagExactlyTheBrokenCellsAndCleanOnesPass(String file, String broken) throws Exception {
        Validation v = Auditor.shipped(format).audit(Auditor.Subject.of(read(file).tables()));
        List<String> blocking = v.blocking().stream().map(f -> f.rule() + ":" + f.cell()).toList();
        assertThat(blocking).containsExactlyInAnyOrder(broken == null ? new String[0] : broken.split(" "));
        assertThat(v.blocking()).allMatch(Finding::blocks);
    }
}

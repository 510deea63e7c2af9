package org.disclosurereports.render;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.records.Agency;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.disclosurereports.render.RenderFixtures.FORMAT;

/**
 * Writes sample output for looking at it in a browser or PDF viewer:
 * {@code mvn -o test -Dtest=RenderSampleOutput -Drender.sample.dir=/tmp/render-check}. Skipped otherwise.
 */
class RenderSampleOutput {

    @Test
    void writeSamples() throws Exception {
        String dir = System.getProperty("render.sample.dir");
        Assumptions.assumeTrue(dir != null, "set -Drender.sample.dir to write samples");
        Path year = Path.of(dir, Integer.toString(RenderFixtures.YEAR));
        ReportRenderer renderer = new ReportRenderer(FORMAT, Templates.shipped());
        StatutoryTables town = RenderFixtures.tables();
        StatutoryTables district = RenderFixtures.tables("QP", "上海市青浦区人民政府", StatutoryTables.SCOPE_SUMMARY, 3, null);
        Agency districtAgency = new Agency("QP", "上海市青浦区人民政府", null, "区政府", null, "青浦区人民政府办公室", null, "021-00000002");
        write(renderer, year.resolve("QP-LT"), ReportView.of(FORMAT, RenderFixtures.agency(), town, List.of()));
        write(renderer, year.resolve("QP"), ReportView.of(FORMAT, districtAgency, district,
                List.of("上海市青浦区人民政府", "上海市青浦区练塘镇人民政府", "上海市青浦区朱家角镇人民政府")));
        Files.writeString(year.resolve("index.html"), new IndexPage(FORMAT, Templates.shipped()).html(RenderFixtures.YEAR,
                List.of(IndexPage.IndexEntry.of(FORMAT, town, true), IndexPage.IndexEntry.of(FORMAT, district, true)),
                List.of(new IndexPage.InputFileLine("agencies.csv", 3, 3, 0, null),
                        new IndexPage.InputFileLine("applications.csv", 9000, 8997, 3, "rejects/applications.csv"))));
    }

    private static void write(ReportRenderer renderer, Path dir, ReportView view) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.html"), renderer.html(view));
        Files.write(dir.resolve("report.pdf"), renderer.pdf(view));
    }
}

package org.disclosurereports.outputs;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.render.ScorecardPage;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code <out>/<year>/scorecard.html}: every unit's scorecard of the year side by side, read back from
 * the {@code scorecard.json} files under the year directory (so a run for one agency leaves the others
 * listed, as the index does). Totals are recounted from the units' figures, never typed.
 */
public final class DistrictScorecard {

    private final ScorecardPage page;

    public DistrictScorecard(ScorecardPage page) {
        this.page = page;
    }

    public void write(Path yearDir, int year) throws IOException {
        List<Map<String, Object>> units = new ArrayList<>();
        if (Files.isDirectory(yearDir)) {
            try (Stream<Path> dirs = Files.list(yearDir)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    Path f = dir.resolve(ComplianceFiles.SCORECARD_JSON);
                    if (Files.isRegularFile(f)) {
                        units.add(unit(TablesJson.JSON.readTree(f.toFile())));
                    }
                }
            }
        }
        ReportFilesWriter.writeAtomically(yearDir.resolve(ComplianceFiles.SCORECARD_HTML),
                page.district(year, units).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> unit(JsonNode j) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("code", j.path("agency_code").asText());
        u.put("name", j.path("agency_name").asText());
        u.put("draft", j.path("draft").asBoolean());
        long met = 0;
        long notMet = 0;
        long noData = 0;
        List<String> missed = new ArrayList<>();
        for (JsonNode t : j.path("targets")) {
            switch (t.path("status").asText()) {
                case "met" -> met++;
                case "not_met" -> {
                    notMet++;
                    missed.add(t.path("wording").asText());
                }
                default -> noData++;
            }
        }
        u.put("met", met);
        u.put("not_met", notMet);
        u.put("no_data", noData);
        u.put("applicable", met + notMet + noData);
        u.put("missed", missed);
        JsonNode r = j.path("replies");
        u.put("closed", r.path("closed").asLong());
        u.put("late", r.path("late").asLong());
        u.put("open_overdue", r.path("open_overdue").asLong());
        u.put("overdue", r.path("late").asLong() + r.path("open_overdue").asLong());
        u.put("median_days", r.path("median_days").isNull() ? "—" : r.path("median_days").asText());
        u.put("longest_days", r.path("longest_days").isNull() ? "—" : r.path("longest_days").asText());
        List<String> findings = new ArrayList<>();
        j.path("findings").forEach(f -> findings.add(f.asText()));
        u.put("findings", findings);
        return u;
    }
}

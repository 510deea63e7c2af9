package org.disclosurereports.outputs;

import org.disclosurereports.core.compliance.AgencyCompliance;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.narrative.NarrativeCheck;
import org.disclosurereports.render.ScorecardPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files an agency's compliance leaves beside its report: {@code late-replies.csv} (internal),
 * {@code narrative-check.json}, {@code scorecard.json} and {@code scorecard.html}.
 */
public final class ComplianceFiles {

    public static final String NARRATIVE_CHECK = "narrative-check.json";
    public static final String SCORECARD_JSON = "scorecard.json";
    public static final String SCORECARD_HTML = "scorecard.html";

    private final ScorecardPage page;

    public ComplianceFiles(ScorecardPage page) {
        this.page = page;
    }

    /** File name (relative to the report directory) to content. */
    public Map<String, byte[]> of(AgencyCompliance compliance) {
        var card = compliance.scorecard();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(LateRepliesCsv.FILE, LateRepliesCsv.write(card.replies()));
        files.put(NARRATIVE_CHECK, json(NarrativeCheck.json(card.agencyCode(), card.year(), compliance.narrative(), compliance.findings())));
        files.put(SCORECARD_JSON, json(card.toJson()));
        files.put(SCORECARD_HTML, page.agency(card).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static byte[] json(Object value) {
        try {
            return (TablesJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

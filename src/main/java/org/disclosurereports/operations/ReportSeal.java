package org.disclosurereports.operations;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormats;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.outputs.SealMarks;
import org.disclosurereports.store.SealedReports;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sealing a report: its figures (tables.json) are stored as published, and from then on nightly runs into
 * its output directory leave the report's files alone and list how today's figures differ from them.
 * The one implementation behind {@code seal}, {@code unseal} and the review console.
 */
@Component
public class ReportSeal {

    public enum Result {
        SEALED, ALREADY_SEALED, REFUSED
    }

    /** What sealing did, with the sentence that says so (for the command line and the console alike). */
    public record Outcome(Result result, String message) {
        public boolean sealed() {
            return result != Result.REFUSED;
        }
    }

    private final SealedReports sealed;
    private final ReportFormats formats;

    public ReportSeal(SealedReports sealed, ReportFormats formats) {
        this.sealed = sealed;
        this.formats = formats;
    }

    /** Seals the report {@code out/year/agency} as it is on disk now. */
    public Outcome seal(Path out, int year, String agency, String by) {
        Path dir = out.resolve(String.valueOf(year)).resolve(agency);
        Path tables = dir.resolve("tables.json");
        if (!Files.isRegularFile(tables)) {
            return new Outcome(Result.REFUSED, "Cannot seal: there is no report " + tables + " (run the year first).");
        }
        try {
            byte[] json = Files.readAllBytes(tables);
            // Refuses anything that is not a report in the layout it names (or its year's).
            JsonNode root = TablesJson.JSON.readTree(json);
            TablesJson.read(root, TablesJson.formatOf(root, formats, "tables.json"));
            String digest = sha256(json);
            Path pdf = dir.resolve("report.pdf");
            String pdfDigest = Files.isRegularFile(pdf) ? sha256(Files.readAllBytes(pdf)) : null;
            Optional<SealedReports.Sealed> already = sealed.find(agency, year);
            if (already.isPresent()) {
                if (already.get().tablesSha256().equals(digest)) {
                    return new Outcome(Result.ALREADY_SEALED, "Already sealed: " + agency + " " + year + " (by " + already.get().sealedBy() + ", "
                            + already.get().sealedAt().withNano(0) + "), same figures.");
                }
                String where = sealed.outputDirectory(agency, year).map(d -> " in " + d).orElse("");
                return new Outcome(Result.REFUSED, "Cannot seal: " + agency + " " + year + " is already sealed" + where + " with other figures (by "
                        + already.get().sealedBy() + ", " + already.get().sealedAt().withNano(0) + "). Run unseal first if the published report was corrected.");
            }
            sealed.seal(agency, year, out, by, digest, pdfDigest, new String(json, StandardCharsets.UTF_8));
            SealMarks.write(dir, sealed.find(agency, year).orElseThrow());
            return new Outcome(Result.SEALED, "Sealed " + agency + " " + year + " (tables.json sha256 " + digest.substring(0, 12)
                    + "…): nightly runs into " + out + " will not overwrite " + dir
                    + " and will report any change of its figures; runs into other output directories build it as usual.");
        } catch (IOException | TablesJson.Unreadable | RuntimeException e) {
            return new Outcome(Result.REFUSED, "Cannot seal " + tables + ": " + e.getMessage());
        }
    }

    /** @return false when the report was not sealed */
    public boolean unseal(String agency, int year) {
        return sealed.unseal(agency, year);
    }

    public Optional<SealedReports.Sealed> find(String agency, int year) {
        return sealed.find(agency, year);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

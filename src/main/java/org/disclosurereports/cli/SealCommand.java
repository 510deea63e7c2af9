package org.disclosurereports.cli;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosurereports.job.RunParameters;
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
import java.util.Set;

/**
 * {@code seal --out DIR --year YYYY --agency CODE [--by NAME]}: the office published this report.
 * Its figures (tables.json) are stored as published; from now on nightly runs leave the report's
 * files alone and list how today's figures differ from them, cell by cell.
 */
@Component
public class SealCommand implements Command {

    private final SealedReports sealed;
    private final ReportFormats formats;

    public SealCommand(SealedReports sealed, ReportFormats formats) {
        this.sealed = sealed;
        this.formats = formats;
    }

    @Override
    public String name() {
        return "seal";
    }

    @Override
    public String usage() {
        return """
                seal --out DIR --year YYYY --agency CODE [--by NAME]
                    mark an agency's report of the year as published: later runs never overwrite it and report
                    differences instead (OUT/YEAR/CODE/sealed-differences.csv). Undo with unseal.""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("out", "year", "agency", "by");
    }

    /** The layout a report's tables.json names; a file of an unknown layout is not a report of ours. */
    private ReportFormat formatOf(JsonNode root) {
        try {
            return TablesJson.formatOf(root, formats, "tables.json");
        } catch (TablesJson.Unreadable e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public ExitCode execute(Options options) {
        int year = options.year();
        String agency = options.required("agency");
        Path out = RunParameters.realDirectory(options.path("out"));
        Path dir = out.resolve(String.valueOf(year)).resolve(agency);
        Path tables = dir.resolve("tables.json");
        if (!Files.isRegularFile(tables)) {
            System.err.println("Cannot seal: there is no report " + tables + " (run the year first).");
            return ExitCode.INPUT_REFUSED;
        }
        try {
            byte[] json = Files.readAllBytes(tables);
            // Refuses anything that is not a report in the layout it names (or its year's).
            JsonNode root = TablesJson.JSON.readTree(json);
            TablesJson.read(root, formatOf(root));
            String digest = sha256(json);
            Path pdf = dir.resolve("report.pdf");
            String pdfDigest = Files.isRegularFile(pdf) ? sha256(Files.readAllBytes(pdf)) : null;
            Optional<SealedReports.Sealed> already = sealed.find(agency, year);
            if (already.isPresent()) {
                if (already.get().tablesSha256().equals(digest)) {
                    System.out.println("Already sealed: " + agency + " " + year + " (by " + already.get().sealedBy() + ", "
                            + already.get().sealedAt().withNano(0) + "), same figures.");
                    return ExitCode.OK;
                }
                String where = sealed.outputDirectory(agency, year).map(d -> " in " + d).orElse("");
                System.err.println("Cannot seal: " + agency + " " + year + " is already sealed" + where + " with other figures (by "
                        + already.get().sealedBy() + ", " + already.get().sealedAt().withNano(0) + "). Run unseal first if the published report was corrected.");
                return ExitCode.INPUT_REFUSED;
            }
            String by = Optional.ofNullable(options.optional("by")).orElse(System.getProperty("user.name", "unknown"));
            sealed.seal(agency, year, out, by, digest, pdfDigest, new String(json, StandardCharsets.UTF_8));
            SealMarks.write(dir, sealed.find(agency, year).orElseThrow());
            System.out.println("Sealed " + agency + " " + year + " (tables.json sha256 " + digest.substring(0, 12)
                    + "…): nightly runs into " + out + " will not overwrite " + dir
                    + " and will report any change of its figures; runs into other output directories build it as usual.");
            return ExitCode.OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("Cannot seal " + tables + ": " + e.getMessage());
            return ExitCode.INPUT_REFUSED;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

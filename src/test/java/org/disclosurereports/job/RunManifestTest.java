package org.disclosurereports.job;

import org.disclosurereports.support.SampleData;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs are digested anew by every manifest; outputs unchanged since the last one keep their digest. */
class RunManifestTest {

    @TempDir
    Path tmp;

    @Test
    void anInputUpdatedInPlaceWithItsTimesKeptIsDigestedAnew() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path agencies = data.resolve("agencies.csv");
        Files.writeString(agencies, "agency_code,name,parent_code\nSL,示例区人民政府,\n", StandardCharsets.UTF_8);
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(agencies, anHourAgo);
        Path out = tmp.resolve("out");
        Path report = Files.createDirectories(out.resolve("2024/SL")).resolve("report.html");
        Files.writeString(report, "<p>1</p>", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(report, anHourAgo);
        RunParameters p = new RunParameters(data, 2024, out, RunParameters.ALL_AGENCIES, "digest", "agencies.csv=UTF-8", 0);
        RunManifest.Run run = new RunManifest.Run(1, 1, "COMPLETED", Instant.now(), Instant.now());
        RunManifest.write(p, run, Map.of());

        // The same length, the old modification time and the same inode, as rsync --inplace --times leaves it.
        Files.writeString(agencies, "agency_code,name,parent_code\nSX,示例区人民政府,\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(agencies, anHourAgo);
        RunManifest.write(p, new RunManifest.Run(2, 2, "COMPLETED", Instant.now(), Instant.now()), Map.of());

        JsonNode manifest = SampleData.read(out.resolve("2024").resolve(RunManifest.FILE));
        assertThat(manifest.get("inputs").get(0).get("sha256").asText()).isEqualTo(RunManifest.sha256(agencies));
        assertThat(manifest.get("outputs").findValuesAsText("file")).contains("SL/report.html");
    }
}

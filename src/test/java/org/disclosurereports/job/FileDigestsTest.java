package org.disclosurereports.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A digest is remembered for a file whose size, modification time and identity are unchanged, and read
 * again otherwise. Where a test needs to see that a digest was not read again, it changes a file's
 * bytes behind the attributes' back, which no output of the program does.
 */
class FileDigestsTest {

    @TempDir
    Path tmp;

    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minusSeconds(3600));

    private Path file(String name, String text, FileTime modified) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(f, modified);
        return f;
    }

    /** Overwrites the bytes in place, the same length, and puts the old modification time back. */
    private static void tamper(Path f, String text) throws Exception {
        FileTime modified = Files.getLastModifiedTime(f);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(f, modified);
    }

    @Test
    void anUnchangedFileIsNotReadAgainAndAReplacedOneIs() throws Exception {
        Path runs = tmp.resolve("runs");
        Path kept = file("kept.txt", "one", AN_HOUR_AGO);
        Path replaced = file("replaced.txt", "two", AN_HOUR_AGO);
        FileDigests first = FileDigests.in(runs);
        String keptDigest = first.of(kept).sha256();
        assertThat(keptDigest).isEqualTo(RunManifest.sha256(kept));
        assertThat(first.of(replaced).bytes()).isEqualTo(3);
        first.remember();

        tamper(kept, "eno");
        // Replaced as the program replaces an output: a new file renamed over the old, same size and time.
        Path fresh = file("fresh.txt", "owt", AN_HOUR_AGO);
        Files.move(fresh, replaced, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        FileDigests second = FileDigests.in(runs);
        assertThat(second.of(kept).sha256()).as("remembered").isEqualTo(keptDigest);
        assertThat(second.of(replaced).sha256()).as("a new file").isEqualTo(RunManifest.sha256(replaced));
    }

    @Test
    void aFileModifiedJustBeforeTheDigestsWereTakenIsReadAgain() throws Exception {
        Path runs = tmp.resolve("runs");
        Path recent = file("recent.txt", "one", FileTime.from(Instant.now()));
        FileDigests first = FileDigests.in(runs);
        first.of(recent);
        first.remember();

        tamper(recent, "eno");
        assertThat(FileDigests.in(runs).of(recent).sha256()).isEqualTo(RunManifest.sha256(recent));
    }

    @Test
    void unreadableDigestsMeanEveryFileIsRead() throws Exception {
        Path runs = tmp.resolve("runs");
        Path kept = file("kept.txt", "one", AN_HOUR_AGO);
        FileDigests first = FileDigests.in(runs);
        first.of(kept);
        first.remember();
        // A line cut short (a disk that filled up): the whole file is distrusted, the good line too.
        Files.writeString(runs.resolve(FileDigests.FILE), "not\ta\tline\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        tamper(kept, "eno");
        assertThat(FileDigests.in(runs).of(kept).sha256()).isEqualTo(RunManifest.sha256(kept));
    }
}

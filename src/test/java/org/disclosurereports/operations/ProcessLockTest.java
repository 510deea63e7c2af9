package org.disclosurereports.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessLockTest {

    @TempDir
    Path dir;

    @Test
    void aHeldLockIsRefusedNamingItsHolderAndIsFreeOnceReleased() throws Exception {
        Path file = dir.resolve("out/.run-locks/2024-all.lock");
        ProcessLock first = ProcessLock.acquire(file, "run --year 2024");
        String self = "process " + ProcessHandle.current().pid() + " on ";
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(self).contains("(since ").endsWith("): run --year 2024");

        assertThatThrownBy(() -> ProcessLock.acquire(file, "run --year 2024")).isInstanceOf(ProcessLock.Held.class)
                .satisfies(e -> assertThat(((ProcessLock.Held) e).holder()).startsWith(self));

        first.close();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("a released lock names nobody").isEmpty();
        try (ProcessLock again = ProcessLock.acquire(file, "run --year 2024")) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(self);
        }
    }

    @Test
    void theEmbeddedDatabaseLockLiesBesideTheDatabaseFile() {
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(RunGuard.embeddedDatabaseLock("jdbc:h2:file:./var/disclosure-reports;AUTO_SERVER=TRUE;WRITE_DELAY=0"))
                .contains(cwd.resolve("var/disclosure-reports.run.lock"));
        assertThat(RunGuard.embeddedDatabaseLock("jdbc:h2:/srv/db/reports")).contains(Path.of("/srv/db/reports.run.lock"));
        assertThat(RunGuard.embeddedDatabaseLock("jdbc:h2:mem:sample-district;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(RunGuard.embeddedDatabaseLock("jdbc:h2:tcp://db/reports")).isEmpty();
        assertThat(RunGuard.embeddedDatabaseLock("jdbc:mysql://127.0.0.1:3306/disclosure")).isEqualTo(Optional.empty());
    }
}

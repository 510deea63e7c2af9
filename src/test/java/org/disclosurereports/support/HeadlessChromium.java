package org.disclosurereports.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for tests of pages as a browser runs them (script included). Tests assume it is
 * installed ({@link #find()} empty: skipped); install with {@code apt-get install -y chromium}.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    public static Optional<Path> find() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The DOM after the page (and its frames) loaded and its scripts ran; file:// pages may read local files. */
    public static String dumpDom(Path chromium, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Path output = Files.createTempFile("dom", ".html");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--allow-file-access-from-files",
                "--virtual-time-budget=5000", "--dump-dom", url)
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s");
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}

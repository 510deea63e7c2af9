package org.disclosurereports.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One clean, uninterrupted {@code run} of a data directory, the reference that stopped, crashed and
 * resumed runs are compared with. The outputs depend on the inputs and the code only (that is what
 * the comparisons prove), so the real-JVM classes share one reference per data content, code and
 * command instead of each running its own: it is kept in {@code target/child-jvm/reference-<digest>},
 * and the two failsafe forks build it once between them through a file lock. It runs on the embedded
 * H2 default; a class on MySQL that matches it byte for byte also shows the outputs do not depend on
 * the database. {@code out} is the reference's {@code --out} directory, {@code stdout} what it printed.
 */
public record ReferenceRun(Path out, String stdout) {

    /** Progress every second: the reference's log shows the progress lines a run under cron writes. */
    private static final List<String> PROPERTIES = List.of("-Ddisclosure.progress.seconds=1");

    /** The clean run of {@code data} for {@code year}, made now or earlier in this build. */
    public static ReferenceRun of(Path data, int year) throws IOException, InterruptedException {
        Path cache = ChildClassPath.cacheDirectory();
        if (cache == null) {
            return build(Files.createTempDirectory("reference-run"), data, year);
        }
        Files.createDirectories(cache);
        String key = ChildClassPath.digest(ChildClassPath.options(ChildJvm.JVM_OPTIONS) + " " + PROPERTIES + " " + year + " "
                + contentDigest(data)).substring(0, 16);
        Path dir = cache.resolve("reference-" + key);
        try (FileChannel lockFile = FileChannel.open(cache.resolve("reference.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (!Files.isDirectory(dir)) {
                // Built beside and moved in whole: a run that failed half-way leaves no reference behind.
                Path building = Files.createTempDirectory(cache, "reference-building");
                build(building, data, year);
                Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return new ReferenceRun(dir.resolve("out"), Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8));
    }

    private static ReferenceRun build(Path dir, Path data, int year) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        ChildJvm clean = ChildJvm.start(dir.resolve("work"), PROPERTIES,
                List.of("run", "--data", data.toAbsolutePath().toString(), "--year", String.valueOf(year), "--out", out.toString()));
        int exit = clean.waitFor();
        if (exit != 0) {
            throw new AssertionError("the clean reference run ended with " + exit + ": " + clean);
        }
        // A clean run says nothing an operator would take for trouble: no warning but that of a missing body face.
        List<String> warnings = (clean.stdout() + "\n" + clean.stderr()).lines()
                .filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d (WARN|ERROR)\\b.*") && !l.contains("LXGW WenKai")).toList();
        if (!warnings.isEmpty()) {
            throw new AssertionError("the clean reference run logged warnings: " + warnings);
        }
        Files.writeString(dir.resolve("stdout.txt"), clean.stdout(), StandardCharsets.UTF_8);
        return new ReferenceRun(out, clean.stdout());
    }

    /** A digest of the names and bytes of the files in {@code data}. */
    private static String contentDigest(Path data) throws IOException {
        MessageDigest md = ChildClassPath.sha256();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                md.update(data.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}

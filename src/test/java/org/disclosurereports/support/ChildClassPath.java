package org.disclosurereports.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The class path of the child JVMs, with a class-data-sharing archive: the real-JVM tests start the
 * application dozens of times, and most of each start is loading and verifying the same classes.
 *
 * <p>The JVM archives classes from jar files only, so the directories of the test run's class path
 * ({@code target/classes}, {@code target/test-classes}) are packed into jars named by a digest of their
 * content. One training run per class path ({@code run} for one agency of the demo data, which loads
 * Spring, Flyway, H2, Batch, FreeMarker and the PDF renderer) writes the archive; every later child maps
 * it. Two test JVMs (failsafe forks) share both through a file lock. When anything fails here, the
 * children start without the archive: slower, never different.
 */
final class ChildClassPath {

    private static final String MAIN_CLASS = "org.disclosurereports.DisclosureReportsApplication";
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private static List<String> options;

    private ChildClassPath() {
    }

    /** The JVM options that give a child this run's classes: {@code -cp …} and, when it could be made, the archive. */
    static synchronized List<String> options(List<String> memoryAndGc) {
        if (options == null) {
            options = build(memoryAndGc);
        }
        return options;
    }

    private static List<String> build(List<String> memoryAndGc) {
        String original = ChildJvm.classPath();
        Path cache = cacheDirectory(original);
        if (cache == null) {
            return List.of("-cp", original);
        }
        try {
            Files.createDirectories(cache);
            List<String> entries = new ArrayList<>();
            for (String entry : original.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path p = Path.of(entry);
                entries.add(Files.isDirectory(p) ? packed(p, cache).toString() : entry);
            }
            String classPath = String.join(File.pathSeparator, entries);
            Path archive = cache.resolve("app-" + digest(classPath + memoryAndGc).substring(0, 16) + ".jsa");
            if (!Files.exists(archive)) {
                train(cache, archive, memoryAndGc, classPath);
            }
            return Files.exists(archive)
                    ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath)
                    : List.of("-cp", classPath);
        } catch (IOException | RuntimeException e) {
            System.err.println("child JVMs start without a class-data-sharing archive: " + e);
            return List.of("-cp", original);
        }
    }

    /** {@code target/child-jvm} of this test run; null when the class path has no {@code test-classes} folder. */
    static Path cacheDirectory() {
        return cacheDirectory(ChildJvm.classPath());
    }

    /** {@code target/child-jvm}, beside the test classes; null when the class path has no such folder. */
    private static Path cacheDirectory(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName() != null && p.getFileName().toString().equals("test-classes") && Files.isDirectory(p)) {
                return p.toAbsolutePath().getParent().resolve("child-jvm");
            }
        }
        return null;
    }

    /** The folder as a jar named by the digest of its files' names and bytes (reused when unchanged). */
    private static Path packed(Path dir, Path cache) throws IOException {
        List<Path> files;
        List<Path> folders;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            folders = all.filter(p -> Files.isDirectory(p) && !p.equals(dir)).sorted().toList();
        }
        MessageDigest md = sha256();
        for (Path f : files) {
            md.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
        }
        Path jar = cache.resolve(dir.getFileName() + "-" + HexFormat.of().formatHex(md.digest()).substring(0, 16) + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Path tmp = Files.createTempFile(cache, dir.getFileName().toString(), ".jar.tmp");
        try (OutputStream os = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(os)) {
            // Folder entries too: class-path scanners (Flyway's migrations, Spring's classpath*:) find a
            // jar's folders through them.
            for (Path d : folders) {
                JarEntry e = new JarEntry(dir.relativize(d).toString().replace('\\', '/') + "/");
                e.setLastModifiedTime(EPOCH);
                out.putNextEntry(e);
                out.closeEntry();
            }
            for (Path f : files) {
                JarEntry e = new JarEntry(dir.relativize(f).toString().replace('\\', '/'));
                e.setLastModifiedTime(EPOCH);
                out.putNextEntry(e);
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        // The archive records each jar's size and time: a jar is never rewritten once named.
        Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
        return jar;
    }

    /** One child JVM that runs the demo for one agency and writes the archive at exit; one at a time across test JVMs. */
    private static void train(Path cache, Path archive, List<String> memoryAndGc, String classPath) throws IOException {
        try (FileChannel lockFile = FileChannel.open(cache.resolve("training.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (Files.exists(archive)) {
                return; // the other test JVM trained while this one waited
            }
            Path work = Files.createTempDirectory(cache, "training");
            Path dump = work.resolve("app.jsa");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-XX:ArchiveClassesAtExit=" + dump);
            cmd.add("-Xlog:cds=off");
            cmd.add("-Xlog:cds+dynamic=off");
            cmd.addAll(memoryAndGc);
            cmd.addAll(List.of("-cp", classPath, MAIN_CLASS, "run", "--data", SampleData.DIR.toAbsolutePath().toString(),
                    "--year", "2024", "--agency", "SL-JD1", "--out", work.resolve("out").toString()));
            Process p = new ProcessBuilder(cmd).directory(work.toFile())
                    .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile())
                    .start();
            try {
                if (!p.waitFor(180, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                return;
            }
            Files.writeString(work.resolve("command.txt"), String.join(" ", cmd));
            if (p.exitValue() == 0 && Files.exists(dump)) {
                Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String digest(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

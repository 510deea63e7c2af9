package org.disclosurereports.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, as cron or an operator starts it: main class
 * {@code DisclosureReportsApplication} on the test's class path, a working directory of its own (so
 * the embedded H2 database is {@code <dir>/var}), its own exit code, stdout and stderr.
 */
public final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 300;

    /** A small heap and the quick compiler: the children are short-lived, and two or more run at once. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final List<String> command;

    private ChildJvm(Process process, Path stdout, Path stderr, List<String> command) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = command;
    }

    /** The class path of this test run (surefire keeps the full one in surefire.test.class.path). */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    /**
     * Starts the application in {@code workDir}.
     *
     * @param systemProperties JVM options, e.g. {@code -Ddisclosure.progress.seconds=1} or those of {@link TestHooks}
     * @param args             the command line, e.g. {@code run --data ... --year 2024 --out ...}
     */
    public static ChildJvm start(Path workDir, List<String> systemProperties, List<String> args) throws IOException {
        Files.createDirectories(workDir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.addAll(systemProperties);
        cmd.addAll(ChildClassPath.options(JVM_OPTIONS));
        cmd.add("org.disclosurereports.DisclosureReportsApplication");
        cmd.addAll(args);
        String tag = Long.toString(System.nanoTime(), 36);
        Path out = workDir.resolve("stdout-" + tag + ".txt");
        Path err = workDir.resolve("stderr-" + tag + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // The child must not inherit a datasource from the environment: tests pass it explicitly.
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE"));
        return new ChildJvm(pb.start(), out, err, cmd);
    }

    /** Runs to the end and returns the exit code. */
    public int waitFor() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not end within " + TIMEOUT_SECONDS + " s: " + this);
        }
        return process.exitValue();
    }

    /** Waits until stderr or stdout contains {@code text} (or the process ended). */
    public boolean awaitOutput(String text, long seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < deadline) {
            if (stdout().contains(text) || stderr().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return stdout().contains(text) || stderr().contains(text);
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Asks the process to stop (SIGTERM: the application closes as under systemd) and waits for it. */
    public int stop() throws InterruptedException {
        process.destroy();
        return waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    public long pid() {
        return process.pid();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command.subList(command.indexOf("org.disclosurereports.DisclosureReportsApplication"), command.size()))
                + "\n--- stdout:\n" + stdout() + "\n--- stderr:\n" + stderr();
    }

}

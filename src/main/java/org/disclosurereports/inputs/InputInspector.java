package org.disclosurereports.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Looks at a data directory before anything is loaded: agencies.csv must exist; every file of the
 * contract must be readable text in a known encoding and have its required columns. All problems
 * are collected, so an office sees every refused file at once, and nothing is loaded from a
 * directory with a refused file (a report missing a whole kind of record would be wrong, not partial).
 */
public final class InputInspector {

    /** Directories of the data directory whose files are inputs besides the record files. */
    public static final List<String> TEXT_INPUT_DIRS = List.of("workplans", "narrative");

    private final InputSchema schema;

    public InputInspector(InputSchema schema) {
        this.schema = schema;
    }

    /** Thrown with every problem found; its message lists them one per line. */
    public static final class Refused extends InputRefused {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * @param forcedEncoding null to detect each file's encoding
     */
    public InputSet inspect(Path directory, Charset forcedEncoding) {
        return inspect(directory, forcedEncoding, true);
    }

    /**
     * The digest {@link #inspect} gives the same files, without checking them again: equal digests are
     * equal bytes, which pass the same checks. A run's first step compares it with the digest the run was
     * launched with.
     */
    public String digestOf(Path directory) {
        return inspect(directory, null, false).digest();
    }

    private InputSet inspect(Path directory, Charset forcedEncoding, boolean check) {
        if (!Files.isDirectory(directory)) {
            throw new Refused(List.of("the data directory " + directory + " does not exist or is not a directory"));
        }
        List<String> problems = new ArrayList<>();
        List<InputSet.InputFile> files = new ArrayList<>();
        List<String> notLoaded = new ArrayList<>();
        if (!Files.isRegularFile(directory.resolve("agencies.csv"))) {
            problems.add("agencies.csv is missing from " + directory + ": it is the one required file (agency_code, name, parent_code)");
        }
        MessageDigest all = sha256();
        Path realDirectory = realPath(directory);
        for (Path path : list(directory)) {
            String name = path.getFileName().toString();
            if (isOutside(realDirectory, path)) {
                problems.add(outsideProblem(name));
                continue;
            }
            var kind = schema.byFileName(name);
            // An Excel workbook stands for the CSV file of the same name (applications.xlsx).
            var workbookKind = Workbooks.kindOf(schema, name);
            if (kind.isEmpty() && workbookKind.isPresent()) {
                try {
                    if (check) {
                        XlsxInput.checkHeader(path, workbookKind.get());
                    }
                    String sha = sha256(path);
                    files.add(new InputSet.InputFile(name, workbookKind.get().name(), path, StandardCharsets.UTF_8, sha, Files.size(path)));
                    all.update((name + "=" + sha + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (InputRefused e) {
                    problems.add(e.getMessage());
                } catch (IOException e) {
                    problems.add("cannot read " + name + ": " + e.getMessage());
                }
                continue;
            }
            if (kind.isEmpty()) {
                if (name.toLowerCase().endsWith(".csv") || (name.toLowerCase().endsWith(".xlsx") && !name.startsWith("~$"))) {
                    notLoaded.add(name);
                }
                continue;
            }
            try {
                Charset charset = null;
                if (check) {
                    charset = forcedEncoding != null ? EncodingDetector.checkForced(path, forcedEncoding) : EncodingDetector.detect(path);
                    CsvInput.checkHeader(path, charset, kind.get());
                    CsvInput.checkQuotes(path, charset);
                }
                String sha = sha256(path);
                long size = Files.size(path);
                files.add(new InputSet.InputFile(name, kind.get().name(), path, charset, sha, size));
                all.update((name + "=" + sha + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (InputRefused e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add("cannot read " + name + ": " + e.getMessage());
            }
        }
        // Work plans and office-written text are inputs too: editing them makes a new run.
        for (String sub : TEXT_INPUT_DIRS) {
            Path dir = directory.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path f : tree.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = directory.relativize(f).toString().replace('\\', '/');
                    if (isOutside(realDirectory, f)) {
                        problems.add(outsideProblem(rel));
                        continue;
                    }
                    all.update((rel + "=" + sha256(f) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                problems.add("cannot read " + dir + ": " + e.getMessage());
            }
        }
        // One input per kind: a CSV file and a workbook for the same kind would be counted twice.
        files.stream().collect(Collectors.groupingBy(InputSet.InputFile::kind)).forEach((k, same) -> {
            if (same.size() > 1) {
                problems.add(String.join(" and ", same.stream().map(InputSet.InputFile::name).sorted().toList())
                        + " both hold " + k + ": keep one of them in " + directory);
            }
        });
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        // The schema's order, so the digest and the load order do not depend on the directory listing.
        files.sort((a, b) -> Integer.compare(order(a.kind()), order(b.kind())));
        return new InputSet(directory.toAbsolutePath().normalize(), List.copyOf(files), List.copyOf(notLoaded),
                HexFormat.of().formatHex(all.digest()));
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            throw new Refused(List.of("cannot resolve the data directory " + directory + ": " + e.getMessage()));
        }
    }

    /**
     * Whether a file of the data directory is a link to a file outside it. Such a file is never read: it
     * would publish or echo a file the office did not put among its inputs.
     */
    private static boolean isOutside(Path realDirectory, Path file) {
        try {
            return !file.toRealPath().startsWith(realDirectory);
        } catch (IOException e) {
            return true;
        }
    }

    private static String outsideProblem(String name) {
        return name + " is a link to a file outside the data directory: copy the file itself into the data directory";
    }

    private int order(String kind) {
        return schema.kinds().stream().map(RecordKind::name).toList().indexOf(kind);
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new Refused(List.of("cannot list the data directory " + directory + ": " + e.getMessage()));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}

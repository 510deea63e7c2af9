package org.disclosurereports.job;

import org.disclosurereports.outputs.ReportFilesWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 and size of the output files a manifest lists, remembered between runs in
 * {@code <year>/runs/.file-digests}: a file whose size, modification time and identity (device and
 * inode: every output is replaced by a rename, so a rewritten file is a new one) are those remembered
 * is not read again. A night rewrites a few of a province's 75,000 output files; hashing all 1.8 GB
 * again was 9 s of it. Files modified less than two seconds before the digests were remembered are
 * read again (a modification within the clock's resolution would not show), and without the file of
 * digests, or where the file system names no identity, every file is read.
 */
final class FileDigests {

    static final String FILE = ".file-digests";
    private static final String HEADER = "file-digests/1";
    private static final long UNSURE_NANOS = TimeUnit.SECONDS.toNanos(2);

    record Digest(String sha256, long bytes) {}

    private record Known(long bytes, long modified, String identity, String sha256) {}

    private final Path store;
    private final Map<String, Known> known;
    /** When the remembered digests began to be taken: files modified since were read after it. */
    private final long rememberedFrom;
    private final long startedAt;
    private final Map<String, Known> seen = new HashMap<>();

    private FileDigests(Path store, Map<String, Known> known, long rememberedFrom, long startedAt) {
        this.store = store;
        this.known = known;
        this.rememberedFrom = rememberedFrom;
        this.startedAt = startedAt;
    }

    /** The digests remembered in {@code dir} (none if there are none, or they cannot be read). */
    static FileDigests in(Path dir) throws IOException {
        Files.createDirectories(dir);
        long now = now(dir);
        Path store = dir.resolve(FILE);
        Map<String, Known> known = new HashMap<>();
        long at = Long.MIN_VALUE;
        try (BufferedReader in = Files.newBufferedReader(store, StandardCharsets.UTF_8)) {
            String[] header = in.readLine().split(" ");
            if (header.length == 2 && header[0].equals(HEADER)) {
                at = Long.parseLong(header[1]);
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split("\t", 5);
                    known.put(f[4], new Known(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[0]));
                }
            }
        } catch (NoSuchFileException e) {
            // the first manifest of this year's directory
        } catch (IOException | RuntimeException e) {
            known.clear(); // unreadable: every file is read, and the digests are written anew
        }
        return new FileDigests(store, known, at, now);
    }

    Digest of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        String path = file.toAbsolutePath().normalize().toString();
        long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String identity = a.fileKey() == null ? null : a.fileKey().toString();
        Known k = known.get(path);
        String sha256 = k != null && identity != null && k.bytes() == a.size() && k.modified() == modified
                && k.identity().equals(identity) && modified < rememberedFrom - UNSURE_NANOS
                ? k.sha256() : RunManifest.sha256(file);
        if (identity != null && path.indexOf('\n') < 0 && path.indexOf('\r') < 0 && identity.indexOf('\t') < 0) {
            seen.put(path, new Known(a.size(), modified, identity, sha256));
        }
        return new Digest(sha256, a.size());
    }

    /** Remembers the digests of the files looked at since {@link #in}, in place of those remembered before. */
    void remember() throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append(' ').append(startedAt).append('\n');
        seen.forEach((path, k) -> b.append(k.sha256()).append('\t').append(k.bytes()).append('\t').append(k.modified())
                .append('\t').append(k.identity()).append('\t').append(path).append('\n'));
        ReportFilesWriter.writeAtomically(store, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Now, on the clock that stamps the files: the modification time of a file just written. */
    private static long now(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, ".clock", "");
        try {
            return Files.getLastModifiedTime(probe).to(TimeUnit.NANOSECONDS);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}

package org.disclosurereports.outputs;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes each report's files under {@code <out>/<year>/<agency_code>/}. Every file is written to a
 * temporary name beside its target and then moved into place, so a reader never sees half a PDF.
 */
public class ReportFilesWriter implements ItemWriter<BuiltReport> {

    private final Path yearDir;

    public ReportFilesWriter(Path yearDir) {
        this.yearDir = yearDir;
    }

    @Override
    public void write(Chunk<? extends BuiltReport> chunk) throws IOException {
        for (BuiltReport report : chunk) {
            Path dir = yearDir.resolve(report.tables().agencyCode());
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> file : report.files().entrySet()) {
                writeAtomically(dir.resolve(file.getKey()), file.getValue());
            }
        }
    }

    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

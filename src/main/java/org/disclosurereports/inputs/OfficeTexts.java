package org.disclosurereports.inputs;

import org.disclosurereports.core.narrative.OfficeText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads what an office wrote for its report from {@code <data>/narrative/<agency_code>/<year>/}: one
 * text file per passage, named as {@link OfficeText.Slot#fileName()} says. A missing file leaves the
 * passage to be written. Its encoding is detected as a data file's is ({@link EncodingDetector}): UTF-8,
 * or GB18030 as Chinese Windows editors save text; a file that is neither is refused, naming it.
 */
public final class OfficeTexts {

    private OfficeTexts() {}

    public static Path directory(Path dataDir, String agencyCode, int year) {
        return dataDir.resolve("narrative").resolve(agencyCode).resolve(String.valueOf(year));
    }

    /** The office's texts of the agency and year; none at all when there is no data directory. */
    public static OfficeText read(Path dataDir, String agencyCode, int year) {
        Map<OfficeText.Slot, String> texts = new EnumMap<>(OfficeText.Slot.class);
        if (dataDir != null) {
            Path dir = directory(dataDir, agencyCode, year);
            for (OfficeText.Slot slot : OfficeText.Slot.values()) {
                Path f = dir.resolve(slot.fileName());
                if (Files.isRegularFile(f)) {
                    try {
                        texts.put(slot, Files.readString(f, encoding(dataDir, f)));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + f, e);
                    }
                }
            }
        }
        return OfficeText.of(texts);
    }

    private static Charset encoding(Path dataDir, Path file) {
        try {
            return EncodingDetector.detect(file);
        } catch (InputRefused e) {
            throw new InputRefused(dataDir.relativize(file) + ": " + e.getMessage());
        }
    }
}

package org.disclosurereports.inputs;

import org.disclosurereports.core.narrative.OfficeText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads what an office wrote for its report from {@code <data>/narrative/<agency_code>/<year>/}: one
 * UTF-8 text file per passage, named as {@link OfficeText.Slot#fileName()} says. A missing file leaves
 * the passage to be written.
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
                        texts.put(slot, Files.readString(f, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + f, e);
                    }
                }
            }
        }
        return OfficeText.of(texts);
    }
}

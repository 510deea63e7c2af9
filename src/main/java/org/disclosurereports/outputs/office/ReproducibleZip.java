package org.disclosurereports.outputs.office;

import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackageProperties;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Office files (Word, Excel) with the same bytes for the same content. An OOXML file is a zip: POI
 * stamps each entry with the time of writing and the core properties with the time of creation. Here
 * the dates are left out of the core properties (the report's own period says which year it covers; a
 * made-up date would be a false fact) and every zip entry carries the same fixed time, the earliest a
 * zip can hold, in the same order as POI wrote them.
 */
final class ReproducibleZip {

    /** 1980-01-01 00:00, the zip format's epoch, as a local time: no time zone enters the bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ReproducibleZip() {}

    /** Writes the document with neutral core properties and fixed entry times. */
    static byte[] write(POIXMLDocument document, String title, String author) {
        PackageProperties properties;
        try {
            properties = document.getPackage().getPackageProperties();
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("A new office document has no core properties part", e);
        }
        properties.setCreatedProperty(Optional.empty());
        properties.setModifiedProperty(Optional.empty());
        properties.setLastPrintedProperty(Optional.empty());
        properties.setCreatorProperty(Optional.ofNullable(author));
        properties.setLastModifiedByProperty(Optional.empty());
        properties.setTitleProperty(Optional.ofNullable(title));
        ByteArrayOutputStream raw = new ByteArrayOutputStream(64 * 1024);
        try {
            document.write(raw);
            return normalized(raw.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write office document " + title, e);
        }
    }

    static byte[] normalized(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(6);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ENTRY_TIME);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

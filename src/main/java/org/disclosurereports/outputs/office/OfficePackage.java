package org.disclosurereports.outputs.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Office Open XML package (the zip behind .docx and .xlsx) with the same bytes for the same parts:
 * the entries in a fixed order ({@code [Content_Types].xml}, the package relationships, the core
 * properties, then the parts as added, each followed by its own relationships), every entry with the
 * same fixed time, and core properties that hold the title and the creator but no dates (the report's
 * own period says which year it covers; a made-up date would be a false fact).
 */
final class OfficePackage {

    /** 1980-01-01 00:00, the zip format's epoch, as a local time: no time zone enters the bytes. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE_DOCUMENT = RELATIONSHIPS + "/officeDocument";
    private static final String CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    private static final String CORE_PROPERTIES_TYPE = "application/vnd.openxmlformats-package.core-properties+xml";
    private static final String CORE_PART = "docProps/core.xml";

    /** A relationship from a part to another, its target relative to the part's folder. */
    record Relationship(String id, String type, String target) {}

    /**
     * @param name          the part's path in the zip, without a leading slash
     * @param relationships the part's own relationships, written to {@code _rels/<name>.rels} beside it
     */
    record Part(String name, String contentType, CharSequence xml, List<Relationship> relationships) {}

    private OfficePackage() {}

    /**
     * The package of a document: {@code main} is the part the package's officeDocument relationship
     * names (word/document.xml, xl/workbook.xml), {@code others} the parts it refers to, in order.
     *
     * @param creator null for no creator
     */
    static byte[] write(String title, String creator, Part main, List<Part> others) {
        List<Part> parts = new ArrayList<>();
        parts.add(main);
        parts.addAll(others);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(6);
            entry(zip, "[Content_Types].xml", contentTypes(parts));
            entry(zip, "_rels/.rels", relationships(List.of(
                    new Relationship("rId1", OFFICE_DOCUMENT, main.name()),
                    new Relationship("rId2", CORE_PROPERTIES, CORE_PART))));
            entry(zip, CORE_PART, coreProperties(title, creator));
            for (Part part : parts) {
                entry(zip, part.name(), part.xml());
                if (!part.relationships().isEmpty()) {
                    entry(zip, relationshipsPart(part.name()), relationships(part.relationships()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write office document " + title, e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, CharSequence xml) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String relationshipsPart(String name) {
        int slash = name.lastIndexOf('/');
        return name.substring(0, slash + 1) + "_rels/" + name.substring(slash + 1) + ".rels";
    }

    private static String contentTypes(List<Part> parts) {
        StringBuilder x = new StringBuilder(Xml.DECLARATION)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        override(x, CORE_PART, CORE_PROPERTIES_TYPE);
        for (Part part : parts) {
            override(x, part.name(), part.contentType());
        }
        return x.append("</Types>").toString();
    }

    private static void override(StringBuilder x, String part, String contentType) {
        x.append("<Override PartName=\"/");
        Xml.escaped(x, part).append("\" ContentType=\"");
        Xml.escaped(x, contentType).append("\"/>");
    }

    private static String relationships(List<Relationship> relationships) {
        StringBuilder x = new StringBuilder(Xml.DECLARATION)
                .append("<Relationships xmlns=\"").append(PACKAGE_RELATIONSHIPS).append("\">");
        for (Relationship r : relationships) {
            x.append("<Relationship Id=\"");
            Xml.escaped(x, r.id()).append("\" Type=\"");
            Xml.escaped(x, r.type()).append("\" Target=\"");
            Xml.escaped(x, r.target()).append("\"/>");
        }
        return x.append("</Relationships>").toString();
    }

    private static String coreProperties(String title, String creator) {
        StringBuilder x = new StringBuilder(Xml.DECLARATION)
                .append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"")
                .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
        if (title != null) {
            Xml.escaped(x.append("<dc:title>"), title).append("</dc:title>");
        }
        if (creator != null) {
            Xml.escaped(x.append("<dc:creator>"), creator).append("</dc:creator>");
        }
        return x.append("</cp:coreProperties>").toString();
    }
}

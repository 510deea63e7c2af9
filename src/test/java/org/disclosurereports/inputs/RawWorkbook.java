package org.disclosurereports.inputs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an {@code .xlsx} package part by part, the XML as given: how a test makes a workbook no
 * spreadsheet program would write (a number cell holding {@code NaN}, a shared string that is not there,
 * a reference beyond column XFD, 150,000 merged blocks) without committing a binary file. The parts not
 * given are those of a minimal workbook: one sheet named 申请, the styles 0 (general) and 1 (a date),
 * no shared strings.
 */
final class RawWorkbook {

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    private static final Map<String, String> MINIMAL = new LinkedHashMap<>();

    static {
        MINIMAL.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="%1$ssheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="%1$sworksheet+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="%1$sstyles+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="%1$ssharedStrings+xml"/>
                </Types>
                """.formatted(TYPE));
        MINIMAL.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>
                """.formatted(REL));
        MINIMAL.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="申请" sheetId="1" r:id="rId1"/></sheets></workbook>
                """.formatted(MAIN, REL));
        MINIMAL.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="%1$s/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="%1$s/styles" Target="styles.xml"/>
                <Relationship Id="rId3" Type="%1$s/sharedStrings" Target="sharedStrings.xml"/>
                </Relationships>
                """.formatted(REL));
        MINIMAL.put("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="%s">
                <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
                <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
                <borders count="1"><border/></borders>
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
                </styleSheet>
                """.formatted(MAIN));
        MINIMAL.put(SHARED_STRINGS, """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="%s" count="0" uniqueCount="0"/>
                """.formatted(MAIN));
    }

    /** What writes a part's XML. */
    interface Part {
        void write(Writer out) throws IOException;
    }

    private RawWorkbook() {}

    /** A workbook of the minimal parts with {@code parts} (path in the package to XML) put over them. */
    static Path write(Path file, Map<String, Part> parts) throws IOException {
        Map<String, Part> all = new LinkedHashMap<>();
        MINIMAL.forEach((name, xml) -> all.put(name, out -> out.write(xml.strip())));
        all.putAll(parts);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            for (var part : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                part.getValue().write(out);
                out.flush();
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A workbook from a folder holding the parts that differ from the minimal ones, at their paths in the package. */
    static Path fromFolder(Path folder, Path file) throws IOException {
        Map<String, Part> parts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String xml = Files.readString(f, StandardCharsets.UTF_8);
                parts.put(folder.relativize(f).toString().replace('\\', '/'), out -> out.write(xml));
            }
        }
        return write(file, parts);
    }

    /** The start of a sheet's XML, up to its first row. */
    static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\""
            + MAIN + "\"><sheetData>";
}

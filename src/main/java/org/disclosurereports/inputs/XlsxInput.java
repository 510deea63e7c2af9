package org.disclosurereports.inputs;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first sheet of an {@code .xlsx} workbook as {@link RawRow}s aligned to a {@link RecordKind},
 * the way {@code CsvInput} reads a CSV file: the header row names the columns (any order, unknown
 * ones ignored), a missing required column refuses the whole workbook.
 * <p>
 * The sheet is streamed as XML (StAX over POI's package access): memory does not grow with the rows.
 * What Excel users do to a sheet is handled deliberately:
 * <ul>
 *   <li>date cells (numbers with a date format) become ISO dates, in the 1900 or the 1904 date system
 *       as the workbook declares; a date typed as text ({@code 2024-03-05}, {@code 2024年3月5日}) stays text
 *       and is read by the contract's date rule;</li>
 *   <li>other numbers are written out exactly ({@code 35}, {@code 12.5}), never in the cell's display
 *       format ({@code 1,234}) or as a double ({@code 35.0}); numbers stored as text keep their leading zeros;</li>
 *   <li>rows above the header that hold only a merged title are skipped; a header name merged over
 *       several columns names the first of them; a data cell inside a merged block takes the block's value;</li>
 *   <li>blank rows, including formatted but empty rows at the end, are skipped;</li>
 *   <li>the row number is the sheet's own (what Excel shows), so a reject says
 *       {@code applications.xlsx, sheet 申请, row 17, column fee_yuan}.</li>
 * </ul>
 */
public final class XlsxInput implements Closeable {

    private static final CSVFormat ORIGINAL = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final Path file;
    private final RecordKind kind;
    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final String sheetName;
    private final List<CellRangeAddress> merged;
    /** The value of each merged block's first cell, once read: the other cells of the block show it too. */
    private final Map<CellRangeAddress, String> mergedValues = new HashMap<>();
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final int[] positionOfColumn;
    private final int headerWidth;
    private final int headerRow;

    public XlsxInput(Path file, RecordKind kind) {
        this.file = file;
        this.kind = kind;
        InputStream opened = null;
        OPCPackage openedPackage = null;
        try {
            openedPackage = OPCPackage.open(file.toFile(), PackageAccess.READ);
            this.pkg = openedPackage;
            XSSFReader reader = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg);
            this.styles = reader.getStylesTable();
            try (InputStream workbook = reader.getWorkbookData()) {
                this.date1904 = readDate1904(workbook);
            }
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InputRefused(name() + " has no sheet");
            }
            try (InputStream first = sheets.next()) {
                this.sheetName = sheets.getSheetName();
                // <mergeCells> follows <sheetData> in the sheet's XML: a first pass finds them.
                this.merged = readMergedCells(first);
            }
            XSSFReader.SheetIterator again = (XSSFReader.SheetIterator) reader.getSheetsData();
            opened = again.next();
            this.sheet = opened;
            this.xml = xmlFactory().createXMLStreamReader(sheet);
            Row header = findHeader();
            if (header == null) {
                throw new InputRefused(where() + " is empty: it needs a header row with the columns " + String.join(", ", kind.requiredHeaders()));
            }
            // A header cell merged down over the rows below it (a two-row header) ends the header there.
            int end = header.number;
            for (CellRangeAddress m : merged) {
                if (m.getFirstRow() == header.number - 1) {
                    end = Math.max(end, m.getLastRow() + 1);
                }
            }
            this.headerRow = end;
            this.headerWidth = header.cells.isEmpty() ? 0 : header.cells.lastKey() + 1;
            this.positionOfColumn = mapHeader(header);
        } catch (InputRefused e) {
            closeQuietly(opened);
            revert(openedPackage);
            throw e;
        } catch (IOException | XMLStreamException | RuntimeException | SAXException
                 | OpenXML4JException e) {
            closeQuietly(opened);
            revert(openedPackage);
            throw new InputRefused("cannot read " + name() + " as an Excel workbook (.xlsx): " + e.getMessage());
        }
    }

    /** Checks a workbook's header without reading its rows. */
    public static void checkHeader(Path file, RecordKind kind) {
        try (XlsxInput ignored = new XlsxInput(file, kind)) {
            // opening is the check
        }
    }

    public String sheetName() {
        return sheetName;
    }

    private String name() {
        return file.getFileName().toString();
    }

    private String where() {
        return name() + ", sheet " + sheetName;
    }

    /** The next non-blank data row, or null at the end of the sheet. */
    public RawRow next() {
        try {
            for (Row row = readRow(); row != null; row = readRow()) {
                if (row.number <= headerRow || row.blank()) {
                    continue;
                }
                String[] values = new String[positionOfColumn.length];
                for (int c = 0; c < values.length; c++) {
                    int p = positionOfColumn[c];
                    values[c] = p >= 0 ? row.cells.getOrDefault(p, "") : null;
                }
                String structureProblem = null;
                for (var cell : row.cells.entrySet()) {
                    if (cell.getKey() >= headerWidth && !cell.getValue().isEmpty()) {
                        structureProblem = "cell " + CellReference.convertNumToColString(cell.getKey()) + row.number
                                + " holds '" + cell.getValue() + "' but its column has no name in the header row (row " + headerRow + ")";
                        break;
                    }
                }
                return new RawRow(row.number, values, original(row), structureProblem, where() + ", row " + row.number);
            }
            return null;
        } catch (XMLStreamException e) {
            throw new InputRefused(where() + ": the sheet cannot be read from here on (" + e.getMessage() + ")");
        }
    }

    private static String original(Row row) {
        if (row.cells.isEmpty()) {
            return "";
        }
        String[] cells = new String[row.cells.lastKey() + 1];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = row.cells.getOrDefault(i, "");
        }
        return ORIGINAL.format((Object[]) cells);
    }

    /** A row of the sheet: its number as Excel shows it, and its non-empty cells by column index (A = 0). */
    private record Row(int number, TreeMap<Integer, String> cells) {
        boolean blank() {
            return cells.values().stream().allMatch(String::isEmpty);
        }
    }

    /**
     * Skips title rows (one value, in a block merged over several columns) and blank rows; the first
     * other row is the header.
     */
    private Row findHeader() throws XMLStreamException {
        for (Row row = readRow(); row != null; row = readRow()) {
            if (row.blank() || isTitle(row)) {
                continue;
            }
            return row;
        }
        return null;
    }

    private boolean isTitle(Row row) {
        var filled = row.cells.entrySet().stream().filter(e -> !e.getValue().isEmpty()).toList();
        if (filled.size() != 1) {
            return false;
        }
        int column = filled.get(0).getKey();
        return merged.stream().anyMatch(m -> m.getFirstRow() == row.number - 1 && m.getFirstColumn() == column
                && m.getLastColumn() > m.getFirstColumn());
    }

    private int[] mapHeader(Row header) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (var cell : header.cells.entrySet()) {
            String h = cell.getValue();
            // A name merged over several columns names only the first: the others are part of it, not copies.
            if (h.isEmpty() || isInsideMergedBlock(header.number - 1, cell.getKey())) {
                continue;
            }
            names.add(h);
            if (positions.putIfAbsent(h, cell.getKey()) != null) {
                repeated.add(h);
            }
        }
        List<String> missing = kind.requiredHeaders().stream().filter(h -> !positions.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            throw new InputRefused(where() + " is missing the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (header row, row " + header.number + ", has: " + String.join(", ", names) + ")");
        }
        List<String> repeatedKnown = repeated.stream().filter(h -> kind.columns().stream().anyMatch(c -> c.header().equals(h))).toList();
        if (!repeatedKnown.isEmpty()) {
            throw new InputRefused(where() + " has the column " + String.join(", ", repeatedKnown)
                    + " more than once in its header row (row " + header.number + ")");
        }
        int[] result = new int[kind.columns().size()];
        for (int c = 0; c < result.length; c++) {
            result[c] = positions.getOrDefault(kind.columns().get(c).header(), -1);
        }
        return result;
    }

    private boolean isInsideMergedBlock(int row0, int column) {
        for (CellRangeAddress m : merged) {
            if (m.isInRange(row0, column) && !(m.getFirstRow() == row0 && m.getFirstColumn() == column)) {
                return true;
            }
        }
        return false;
    }

    // ---- the sheet's XML ------------------------------------------------------------------------

    /** Reads up to the next {@code <row>} and returns it with its cell values, or null after the last row. */
    private Row readRow() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                return row();
            }
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
                return null;
            }
        }
        return null;
    }

    private int lastRow;

    private Row row() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        int number = r == null ? lastRow + 1 : Integer.parseInt(r);
        lastRow = number;
        TreeMap<Integer, String> cells = new TreeMap<>();
        int nextColumn = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? nextColumn : new CellReference(ref).getCol();
                nextColumn = column + 1;
                String value = clean(cell());
                cells.put(column, value);
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
        }
        fillMerged(number - 1, cells);
        return new Row(number, cells);
    }

    /** Cells covered by a merged block show the block's first value; record first values as they pass. */
    private void fillMerged(int row0, TreeMap<Integer, String> cells) {
        for (CellRangeAddress m : merged) {
            if (row0 < m.getFirstRow() || row0 > m.getLastRow()) {
                continue;
            }
            if (row0 == m.getFirstRow()) {
                mergedValues.put(m, cells.getOrDefault(m.getFirstColumn(), ""));
                continue;
            }
            String value = mergedValues.getOrDefault(m, "");
            for (int c = m.getFirstColumn(); c <= m.getLastColumn(); c++) {
                if (cells.getOrDefault(c, "").isEmpty()) {
                    cells.put(c, value);
                }
            }
        }
    }

    /** The text of the current {@code <c>} element, as the contract reads it; the reader ends on {@code </c>}. */
    private String cell() throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String v = null;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String n = xml.getLocalName();
                if (n.equals("v")) {
                    v = xml.getElementText();
                    depth--;
                } else if (n.equals("t") && "inlineStr".equals(type)) {
                    if (inline == null) {
                        inline = new StringBuilder();
                    }
                    inline.append(xml.getElementText());
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (type == null || type.equals("n")) {
            return v == null || v.isEmpty() ? "" : number(v, style);
        }
        return switch (type) {
            case "s" -> v == null ? "" : strings.getItemAt(Integer.parseInt(v.strip())).getString();
            case "inlineStr" -> inline == null ? "" : inline.toString();
            case "b" -> "1".equals(v) ? "Y" : "N";
            case "d" -> v == null ? "" : v.length() >= 10 ? v.substring(0, 10) : v; // ISO 8601 cell (strict OOXML)
            default -> v == null ? "" : v; // "str" (a formula's text), "e" (an error such as #N/A: rejected as it reads)
        };
    }

    /** A numeric cell: an ISO date when its format is a date format, otherwise the number written exactly. */
    private String number(String raw, String style) {
        double d;
        try {
            d = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        if (style != null && !style.isEmpty()) {
            XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
            if (s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString()) && DateUtil.isValidExcelDate(d)) {
                LocalDateTime t = DateUtil.getLocalDateTime(d, date1904);
                return t.toLocalDate().toString();
            }
        }
        return new BigDecimal(raw.strip()).stripTrailingZeros().toPlainString();
    }

    /** Surrounding white space, including the ideographic space, is not data (as in CSV files). */
    public static String clean(String value) {
        return value == null ? "" : value.strip().replace("\uFEFF", "");
    }

    private static boolean readDate1904(InputStream workbook) throws XMLStreamException {
        XMLStreamReader r = xmlFactory().createXMLStreamReader(workbook);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("workbookPr")) {
                    String v = r.getAttributeValue(null, "date1904");
                    return "1".equals(v) || "true".equalsIgnoreCase(v);
                }
                if (r.getEventType() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheets")) {
                    return false;
                }
            }
            return false;
        } finally {
            r.close();
        }
    }

    private static List<CellRangeAddress> readMergedCells(InputStream sheet) throws XMLStreamException {
        List<CellRangeAddress> result = new ArrayList<>();
        XMLStreamReader r = xmlFactory().createXMLStreamReader(sheet);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("mergeCell")) {
                    String ref = r.getAttributeValue(null, "ref");
                    if (ref != null && ref.contains(":")) {
                        result.add(CellRangeAddress.valueOf(ref));
                    }
                }
            }
            return result;
        } finally {
            r.close();
        }
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // A workbook is untrusted input: no DTDs, no external entities.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    private static void revert(OPCPackage p) {
        if (p != null) {
            p.revert();
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing to recover on a read-only stream
            }
        }
    }

    @Override
    public void close() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // closing a reader
        }
        closeQuietly(sheet);
        pkg.revert(); // opened read-only: close without saving
    }
}

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

    /** A sheet's columns (A to XFD) and rows, as Excel has them since 2007. */
    static final int COLUMNS = 16_384;
    static final int ROWS = 1_048_576;
    /** The last year of Excel's calendar (9999-12-31 is its last day). */
    private static final int LAST_YEAR = 9999;

    private static final CSVFormat ORIGINAL = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final Path file;
    private final RecordKind kind;
    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final String sheetName;
    private final MergedBlocks merged;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final int[] positionOfColumn;
    /** The contract's column at each position of the sheet that has one. */
    private final Map<Integer, String> columnAtPosition = new HashMap<>();
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
                this.merged = new MergedBlocks(readMergedCells(first));
            } catch (MergedBlocks.Overlap e) {
                throw new InputRefused(where() + ": " + e.getMessage() + ", which no spreadsheet program writes");
            }
            XSSFReader.SheetIterator again = (XSSFReader.SheetIterator) reader.getSheetsData();
            opened = again.next();
            this.sheet = opened;
            this.xml = xmlFactory().createXMLStreamReader(sheet);
            Row header = findHeader();
            if (header == null) {
                throw new InputRefused(where() + " is empty: it needs a header row with the columns " + String.join(", ", kind.requiredHeaders()));
            }
            if (!header.unreadable.isEmpty()) {
                BadCell bad = header.unreadable.get(0);
                throw new InputRefused(where() + ", header row (row " + header.number + "): " + bad.reason());
            }
            // A header cell merged down over the rows below it (a two-row header) ends the header there.
            this.headerRow = merged.lastRowOfBlocksStartingHere() + 1;
            this.headerWidth = header.cells.isEmpty() ? 0 : header.cells.lastKey() + 1;
            this.positionOfColumn = mapHeader(header);
            for (int c = 0; c < positionOfColumn.length; c++) {
                if (positionOfColumn[c] >= 0) {
                    columnAtPosition.put(positionOfColumn[c], kind.columns().get(c).header());
                }
            }
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
                List<RawRow.UnreadableCell> unreadable = new ArrayList<>();
                for (BadCell bad : row.unreadable) {
                    unreadable.add(new RawRow.UnreadableCell(bad.column < 0 ? null : columnAtPosition.get(bad.column), bad.text, bad.reason));
                }
                return new RawRow(row.number, values, original(row), structureProblem, where() + ", row " + row.number, unreadable);
            }
            return null;
        } catch (XMLStreamException e) {
            throw new InputRefused(where() + ": the sheet cannot be read from here on (" + e.getMessage() + ")");
        }
    }

    /** The row as the sheet holds it, an unreadable cell as its stored text: what a reject echoes. */
    private static String original(Row row) {
        TreeMap<Integer, String> stored = new TreeMap<>(row.cells);
        for (BadCell bad : row.unreadable) {
            if (bad.column >= 0) {
                stored.put(bad.column, bad.text);
            }
        }
        if (stored.isEmpty()) {
            return "";
        }
        String[] cells = new String[stored.lastKey() + 1];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = stored.getOrDefault(i, "");
        }
        return ORIGINAL.format((Object[]) cells);
    }

    /**
     * A row of the sheet: its number as Excel shows it, its non-empty cells by column index (A = 0), and
     * the cells whose value cannot be read.
     */
    private record Row(int number, TreeMap<Integer, String> cells, List<BadCell> unreadable) {
        boolean blank() {
            return unreadable.isEmpty() && cells.values().stream().allMatch(String::isEmpty);
        }
    }

    /** A cell holding no value the contract can read: its column (-1 when its reference names none), its stored text, why. */
    private record BadCell(int column, String text, String reason) {}

    /** Why a cell's stored value is not one the contract can read. */
    private static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Skips title rows (one value, in a block merged over several columns) and blank rows; the first
     * other row is the header.
     */
    private Row findHeader() throws XMLStreamException {
        for (Row row = readRow(); row != null; row = readRow()) {
            if (row.blank() || (row.unreadable.isEmpty() && isTitle(row))) {
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
        return merged.wideBlockStartsAt(filled.get(0).getKey());
    }

    private int[] mapHeader(Row header) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (var cell : header.cells.entrySet()) {
            String h = cell.getValue();
            // A name merged over several columns names only the first: the others are part of it, not copies.
            if (h.isEmpty() || merged.coversBeyondFirstCell(cell.getKey())) {
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
        int number = r == null ? lastRow + 1 : rowNumber(r);
        if (number <= lastRow) {
            throw new InputRefused(where() + ": row " + number + " comes after row " + lastRow
                    + ", but a sheet's rows are stored in ascending order");
        }
        lastRow = number;
        TreeMap<Integer, String> cells = new TreeMap<>();
        List<BadCell> unreadable = new ArrayList<>();
        int nextColumn = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? nextColumn : columnOf(ref);
                StoredCell stored = cell();
                if (column < 0 || column >= COLUMNS) {
                    String named = ref == null ? "the cell after " + CellReference.convertNumToColString(COLUMNS - 1) + number : "the cell reference '" + ref + "'";
                    unreadable.add(new BadCell(-1, stored.text(), named + " names no column of a sheet (the last is "
                            + CellReference.convertNumToColString(COLUMNS - 1) + ")"));
                    continue;
                }
                nextColumn = column + 1;
                String cellName = CellReference.convertNumToColString(column) + number;
                try {
                    cells.put(column, clean(value(stored)));
                } catch (Unreadable e) {
                    unreadable.add(new BadCell(column, stored.text(), "cell " + cellName + " " + e.getMessage()));
                } catch (RuntimeException e) {
                    // the exception's message is not echoed: a library's may quote the whole workbook
                    unreadable.add(new BadCell(column, stored.text(), "cell " + cellName + " cannot be read (" + e.getClass().getSimpleName() + ")"));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
        }
        merged.fill(number - 1, cells);
        return new Row(number, cells, unreadable);
    }

    /** A cell as the sheet's XML stores it: its type, style, {@code <v>} text and inline string. */
    private record StoredCell(String type, String style, String v, String inline) {
        String text() {
            return inline != null ? inline : v == null ? "" : v;
        }
    }

    /** Reads the current {@code <c>} element; the reader ends on {@code </c>}. */
    private StoredCell cell() throws XMLStreamException {
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
        return new StoredCell(type, style, v, inline == null ? null : inline.toString());
    }

    /** The text of a cell, as the contract reads it. */
    private String value(StoredCell c) throws Unreadable {
        String type = c.type();
        String v = c.v();
        if (type == null || type.equals("n")) {
            return v == null || v.isEmpty() ? "" : number(v, c.style());
        }
        return switch (type) {
            case "s" -> v == null ? "" : sharedString(v);
            case "inlineStr" -> c.inline() == null ? "" : c.inline();
            case "b" -> "1".equals(v) ? "Y" : "N";
            case "d" -> v == null ? "" : v.length() >= 10 ? v.substring(0, 10) : v; // ISO 8601 cell (strict OOXML)
            default -> v == null ? "" : v; // "str" (a formula's text), "e" (an error such as #N/A: rejected as it reads)
        };
    }

    private String sharedString(String index) throws Unreadable {
        try {
            return strings.getItemAt(Integer.parseInt(index.strip())).getString();
        } catch (NumberFormatException | IndexOutOfBoundsException | IllegalStateException e) {
            throw new Unreadable("refers to the shared string " + index + ", which the workbook does not hold");
        }
    }

    /**
     * A numeric cell: an ISO date when its format is a date format, otherwise the number written exactly.
     * A cell holds a double, so anything beyond one (NaN, an exponent of a billion, which written out would
     * fill the memory) is no number a spreadsheet program wrote.
     */
    private String number(String raw, String style) throws Unreadable {
        BigDecimal exact;
        try {
            exact = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new Unreadable("is a number cell, but its value is not a number");
        }
        double d = exact.doubleValue();
        if (Double.isInfinite(d) || (d == 0 && exact.signum() != 0)) {
            throw new Unreadable("holds a number beyond what a cell can hold (about 1.8E308 at most, 4.9E-324 at the least)");
        }
        if (style != null && !style.isEmpty() && isDateFormat(style) && DateUtil.isValidExcelDate(d)) {
            LocalDateTime t = DateUtil.getLocalDateTime(d, date1904);
            if (t == null || t.getYear() > LAST_YEAR) {
                throw new Unreadable("is a date cell after " + LAST_YEAR + "-12-31, the last day a spreadsheet shows");
            }
            return t.toLocalDate().toString();
        }
        return exact.stripTrailingZeros().toPlainString();
    }

    /** Whether a cell's style formats it as a date; a style the workbook does not hold formats nothing. */
    private boolean isDateFormat(String style) {
        XSSFCellStyle s;
        try {
            s = styles.getStyleAt(Integer.parseInt(style));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return false;
        }
        return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
    }

    /** The 0-based column of a cell reference such as {@code AB12}, or -1 when it names no cell of a sheet. */
    static int columnOf(String ref) {
        int column = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            char letter = Character.toUpperCase(ref.charAt(i));
            if (letter < 'A' || letter > 'Z') {
                return -1;
            }
            column = column * 26 + (letter - 'A' + 1);
            if (column > COLUMNS) {
                return -1; // checked at each letter, so that no reference overflows into a column that exists
            }
            i++;
        }
        if (i == 0 || rowOf(ref.substring(i)) < 0) {
            return -1;
        }
        return column - 1;
    }

    /** A 1-based row number of a sheet, or -1. */
    private static int rowOf(String digits) {
        if (digits.isEmpty() || digits.length() > 7 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return -1;
        }
        int row = Integer.parseInt(digits);
        return row >= 1 && row <= ROWS ? row : -1;
    }

    private int rowNumber(String r) {
        int row = rowOf(r.strip());
        if (row < 0) {
            throw new InputRefused(where() + ": the row after row " + lastRow + " is numbered '" + r
                    + "', which is no row of a sheet (1 to " + ROWS + ")");
        }
        return row;
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

    private List<CellRangeAddress> readMergedCells(InputStream sheet) throws XMLStreamException {
        List<CellRangeAddress> result = new ArrayList<>();
        XMLStreamReader r = xmlFactory().createXMLStreamReader(sheet);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("mergeCell")) {
                    String ref = r.getAttributeValue(null, "ref");
                    if (ref != null && ref.contains(":")) {
                        result.add(range(ref));
                    }
                }
            }
            return result;
        } finally {
            r.close();
        }
    }

    /** A merged block's range; one that names no cells of a sheet refuses the sheet (it would be filled cell by cell). */
    private CellRangeAddress range(String ref) {
        String[] corners = ref.split(":", -1);
        if (corners.length == 2) {
            int c1 = columnOf(corners[0]);
            int c2 = columnOf(corners[1]);
            if (c1 >= 0 && c2 >= 0) {
                int r1 = rowOf(corners[0].replaceFirst("^[A-Za-z]+", "")) - 1;
                int r2 = rowOf(corners[1].replaceFirst("^[A-Za-z]+", "")) - 1;
                return new CellRangeAddress(Math.min(r1, r2), Math.max(r1, r2), Math.min(c1, c2), Math.max(c1, c2));
            }
        }
        throw new InputRefused(where() + ": the merged block '" + ref + "' is no range of cells of a sheet (A1 to "
                + CellReference.convertNumToColString(COLUMNS - 1) + ROWS + ")");
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

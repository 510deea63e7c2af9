package org.disclosurereports.outputs.office;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Excel workbook (.xlsx) written as SpreadsheetML: sheets of rows written in order, text as shared
 * strings, numbers as numeric cells, merged regions, column widths, frozen panes, and the cell styles
 * the workbook declares up front. What {@link TablesWorkbook} and {@link YearWorkbook} need, no more.
 */
final class Spreadsheet {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private static final String STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    /** Excel's built-in number formats; any other gets an id from 164 on. */
    private static final Map<String, Integer> BUILT_IN_FORMATS = Map.of("General", 0, "0", 1, "0.00", 2);
    private static final int FIRST_CUSTOM_FORMAT = 164;

    /** A face: name and size in points. */
    record Font(String name, double points, boolean bold) {
        /** Excel's own default, for cells that name no face. */
        static final Font DEFAULT = new Font("Calibri", 11, false);
    }

    /**
     * A cell style.
     *
     * @param horizontal {@code left}, {@code center} or null for Excel's default (text left, numbers right)
     * @param bordered   thin lines on all four sides
     * @param format     a number format ({@code 0.0000}); null for General
     */
    record Style(Font font, String horizontal, boolean centredVertically, boolean wrap, boolean bordered, String format) {}

    private final List<Style> styles;
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private int stringCount;
    private final List<Sheet> sheets = new ArrayList<>();

    /** @param styles the workbook's cell styles; a cell names one by its position, 1 for the first (0 is the default) */
    Spreadsheet(List<Style> styles) {
        this.styles = List.copyOf(styles);
    }

    Sheet sheet(String name) {
        Sheet sheet = new Sheet(name);
        sheets.add(sheet);
        return sheet;
    }

    /** @param creator null for no creator */
    byte[] bytes(String title, String creator) {
        List<OfficePackage.Relationship> relationships = new ArrayList<>();
        List<OfficePackage.Part> parts = new ArrayList<>();
        StringBuilder workbook = new StringBuilder(512).append(Xml.DECLARATION)
                .append("<workbook xmlns=\"").append(MAIN).append("\" xmlns:r=\"").append(OfficePackage.RELATIONSHIPS)
                .append("\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            String id = "rId" + (i + 1);
            String part = "worksheets/sheet" + (i + 1) + ".xml";
            workbook.append("<sheet name=\"");
            Xml.escaped(workbook, sheets.get(i).name).append("\" sheetId=\"").append(i + 1).append("\" r:id=\"").append(id).append("\"/>");
            relationships.add(new OfficePackage.Relationship(id, OfficePackage.RELATIONSHIPS + "/worksheet", part));
            parts.add(new OfficePackage.Part("xl/" + part, SHEET_TYPE, sheets.get(i).xml(i == 0), List.of()));
        }
        workbook.append("</sheets></workbook>");
        relationships.add(new OfficePackage.Relationship("rId" + (sheets.size() + 1), OfficePackage.RELATIONSHIPS + "/styles", "styles.xml"));
        relationships.add(new OfficePackage.Relationship("rId" + (sheets.size() + 2), OfficePackage.RELATIONSHIPS + "/sharedStrings", "sharedStrings.xml"));
        parts.add(new OfficePackage.Part("xl/styles.xml", STYLES_TYPE, styleSheet(), List.of()));
        parts.add(new OfficePackage.Part("xl/sharedStrings.xml", STRINGS_TYPE, sharedStrings(), List.of()));
        OfficePackage.Part main = new OfficePackage.Part("xl/workbook.xml", WORKBOOK_TYPE, workbook, relationships);
        return OfficePackage.write(title, creator, main, parts);
    }

    private int string(String text) {
        stringCount++;
        return strings.computeIfAbsent(text, t -> strings.size());
    }

    private String sharedStrings() {
        StringBuilder x = new StringBuilder(4096).append(Xml.DECLARATION)
                .append("<sst xmlns=\"").append(MAIN).append("\" count=\"").append(stringCount)
                .append("\" uniqueCount=\"").append(strings.size()).append("\">");
        for (String s : strings.keySet()) {
            x.append(Xml.needsPreserve(s) ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            Xml.escaped(x, s).append("</t></si>");
        }
        return x.append("</sst>").toString();
    }

    private String styleSheet() {
        List<Font> fonts = new ArrayList<>(List.of(Font.DEFAULT));
        Map<String, Integer> formats = new LinkedHashMap<>();
        for (Style s : styles) {
            if (s.font() != null && !fonts.contains(s.font())) {
                fonts.add(s.font());
            }
            if (s.format() != null && !BUILT_IN_FORMATS.containsKey(s.format()) && !formats.containsKey(s.format())) {
                formats.put(s.format(), FIRST_CUSTOM_FORMAT + formats.size());
            }
        }
        StringBuilder x = new StringBuilder(2048).append(Xml.DECLARATION).append("<styleSheet xmlns=\"").append(MAIN).append("\">");
        if (!formats.isEmpty()) {
            x.append("<numFmts count=\"").append(formats.size()).append("\">");
            formats.forEach((code, id) -> Xml.escaped(x.append("<numFmt numFmtId=\"").append(id).append("\" formatCode=\""), code).append("\"/>"));
            x.append("</numFmts>");
        }
        x.append("<fonts count=\"").append(fonts.size()).append("\">");
        // Excel's default as Excel writes it: the family lets a reader without Calibri substitute a sans-serif face.
        x.append("<font><sz val=\"11\"/><color indexed=\"8\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>");
        for (Font f : fonts.subList(1, fonts.size())) {
            x.append("<font>").append(f.bold() ? "<b/>" : "").append("<sz val=\"").append(Xml.number(f.points())).append("\"/><name val=\"");
            Xml.escaped(x, f.name()).append("\"/></font>");
        }
        // The two fills every workbook has, and no border or a thin box.
        x.append("</fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>")
                .append("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>")
                .append("<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>")
                .append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
                .append("<cellXfs count=\"").append(styles.size() + 1).append("\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        for (Style s : styles) {
            int format = s.format() == null ? 0 : BUILT_IN_FORMATS.getOrDefault(s.format(), formats.getOrDefault(s.format(), 0));
            int font = s.font() == null ? 0 : fonts.indexOf(s.font());
            boolean aligned = s.horizontal() != null || s.centredVertically() || s.wrap();
            x.append("<xf numFmtId=\"").append(format).append("\" fontId=\"").append(font).append("\" fillId=\"0\" borderId=\"")
                    .append(s.bordered() ? 1 : 0).append("\" xfId=\"0\"")
                    .append(format != 0 ? " applyNumberFormat=\"1\"" : "").append(font != 0 ? " applyFont=\"1\"" : "")
                    .append(s.bordered() ? " applyBorder=\"1\"" : "").append(aligned ? " applyAlignment=\"1\">" : "/>");
            if (aligned) {
                x.append("<alignment");
                if (s.horizontal() != null) {
                    x.append(" horizontal=\"").append(s.horizontal()).append('"');
                }
                if (s.centredVertically()) {
                    x.append(" vertical=\"center\"");
                }
                if (s.wrap()) {
                    x.append(" wrapText=\"1\"");
                }
                x.append("/></xf>");
            }
        }
        // No named cell styles: LibreOffice would set cells of a "Normal" style in its own default face instead of the font above.
        return x.append("</cellXfs></styleSheet>").toString();
    }

    /** The column letters of a 0-based column index: 0 is A, 26 is AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder(3);
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /** One sheet; rows are written in order, the cells of a row from left to right. */
    final class Sheet {
        private final String name;
        private final StringBuilder rows = new StringBuilder(8 * 1024);
        private final Map<Integer, Double> widths = new HashMap<>();
        private final List<String> merged = new ArrayList<>();
        private int frozenColumns;
        private int frozenRows;
        private int lastRow = -1;
        private int lastColumn = -1;
        private boolean rowOpen;
        private int nextColumn;

        private Sheet(String name) {
            this.name = name;
        }

        /** Starts row {@code index} (0-based), after every row before it. */
        Sheet row(int index) {
            if (index <= lastRow) {
                throw new IllegalArgumentException("Rows are written in order: row " + index + " after row " + lastRow);
            }
            endRow();
            rows.append("<row r=\"").append(index + 1).append("\">");
            rowOpen = true;
            lastRow = index;
            nextColumn = 0;
            return this;
        }

        /** A text cell; null text leaves the cell blank, with its style. */
        Sheet text(int column, String text, int style) {
            if (text == null) {
                return blank(column, style);
            }
            open(column, style).append(" t=\"s\"><v>").append(string(text)).append("</v></c>");
            return this;
        }

        Sheet number(int column, double value, int style) {
            open(column, style).append("><v>").append(Xml.number(value)).append("</v></c>");
            return this;
        }

        /** A cell without a value, for its style (the borders of a merged region). */
        Sheet blank(int column, int style) {
            open(column, style).append("/>");
            return this;
        }

        private StringBuilder open(int column, int style) {
            if (!rowOpen || column < nextColumn) {
                throw new IllegalArgumentException("Cells are written left to right in a row: column " + column);
            }
            if (style < 0 || style > styles.size()) {
                throw new IllegalArgumentException("No cell style " + style);
            }
            nextColumn = column + 1;
            lastColumn = Math.max(lastColumn, column);
            rows.append("<c r=\"").append(column(column)).append(lastRow + 1).append('"');
            if (style != 0) {
                rows.append(" s=\"").append(style).append('"');
            }
            return rows;
        }

        private void endRow() {
            if (rowOpen) {
                rows.append("</row>");
                rowOpen = false;
            }
        }

        /** The width of a column in characters of the default face. */
        Sheet width(int column, double characters) {
            widths.put(column, characters);
            return this;
        }

        Sheet merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            merged.add(column(firstColumn) + (firstRow + 1) + ":" + column(lastColumn) + (lastRow + 1));
            return this;
        }

        /** Keeps the first {@code columns} columns and {@code rows} rows in view while scrolling. */
        Sheet freeze(int columns, int rows) {
            frozenColumns = columns;
            frozenRows = rows;
            return this;
        }

        private String xml(boolean selected) {
            endRow();
            StringBuilder x = new StringBuilder(rows.length() + 2048).append(Xml.DECLARATION)
                    .append("<worksheet xmlns=\"").append(MAIN).append("\"><dimension ref=\"A1");
            if (lastRow > 0 || lastColumn > 0) {
                x.append(':').append(column(Math.max(lastColumn, 0))).append(Math.max(lastRow, 0) + 1);
            }
            x.append("\"/><sheetViews><sheetView workbookViewId=\"0\"").append(selected ? " tabSelected=\"1\"" : "").append('>');
            if (frozenColumns > 0 || frozenRows > 0) {
                String pane = frozenRows == 0 ? "topRight" : frozenColumns == 0 ? "bottomLeft" : "bottomRight";
                x.append("<pane");
                if (frozenColumns > 0) {
                    x.append(" xSplit=\"").append(frozenColumns).append('"');
                }
                if (frozenRows > 0) {
                    x.append(" ySplit=\"").append(frozenRows).append('"');
                }
                x.append(" topLeftCell=\"").append(column(frozenColumns)).append(frozenRows + 1)
                        .append("\" activePane=\"").append(pane).append("\" state=\"frozen\"/><selection pane=\"").append(pane).append("\"/>");
            }
            x.append("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
            if (!widths.isEmpty()) {
                x.append("<cols>");
                widths.keySet().stream().sorted().forEach(c -> x.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1)
                        .append("\" width=\"").append(Xml.number(widths.get(c))).append("\" customWidth=\"1\"/>"));
                x.append("</cols>");
            }
            x.append("<sheetData>").append(rows).append("</sheetData>");
            if (!merged.isEmpty()) {
                x.append("<mergeCells count=\"").append(merged.size()).append("\">");
                merged.forEach(ref -> x.append("<mergeCell ref=\"").append(ref).append("\"/>"));
                x.append("</mergeCells>");
            }
            return x.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>")
                    .toString();
        }
    }
}

package org.disclosurereports.inputs;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads one input CSV (RFC 4180, header row, columns in any order, unknown columns ignored) as
 * {@link RawRow}s aligned to a {@link RecordKind}. Refuses the whole file, naming the problem, when its
 * header lacks a required column or repeats one.
 */
public final class CsvInput implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final Path file;
    private final Charset charset;
    private final RecordKind kind;
    private final Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int[] positionOfColumn;
    private final int headerSize;
    private long lastLine;
    /** The broken last row was returned: the file ends there. */
    private boolean lastRowRead;

    public CsvInput(Path file, Charset charset, RecordKind kind) {
        this.file = file;
        this.charset = charset;
        this.kind = kind;
        try {
            this.reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16);
            skipByteOrderMark(reader);
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw new InputRefused(name() + " is empty: it needs a header row with the columns " + String.join(", ", kind.requiredHeaders()));
            }
            CSVRecord header = records.next();
            this.headerSize = header.size();
            this.lastLine = parser.getCurrentLineNumber();
            this.positionOfColumn = mapHeader(header);
        } catch (IOException e) {
            throw new InputRefused("cannot read " + name() + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new InputRefused(name() + ": the header row is not valid CSV (" + e.getCause().getMessage() + ")");
        }
    }

    /** Checks a file's header without reading its rows. */
    public static void checkHeader(Path file, Charset charset, RecordKind kind) {
        try (CsvInput ignored = new CsvInput(file, charset, kind)) {
            // opening is the check
        }
    }

    /**
     * Refuses a file in which a quoted field opens and is never closed before lines that follow it: the
     * parser would read every following line into that one field, so no row after it can be trusted.
     * A quote left open on the last line only breaks that row, which is rejected when it is read.
     */
    public static void checkQuotes(Path file, Charset charset) {
        OpenQuote open = openQuote(file, charset);
        if (open != null && open.line() < open.lastLine()) {
            throw new InputRefused(file.getFileName() + ", line " + open.line() + ": a quoted field opens here and is never closed,"
                    + " so lines " + (open.line() + 1) + "–" + open.lastLine() + " would be read into it; close the quote (\"\")"
                    + " or double a quote that is part of the value");
        }
    }

    /** Where a quote left open at the end of the file opened, and the file's last line with text; null when every quote closes. */
    private record OpenQuote(long line, long lastLine) {}

    private static OpenQuote openQuote(Path file, Charset charset) {
        try (Reader in = new InputStreamReader(Files.newInputStream(file), charset)) {
            boolean quoted = false;
            long line = 1;
            long openedOn = 0;
            long lastLine = 0;
            // Read in blocks: a read() per character takes the reader's lock each time, which made this
            // check most of an unchanged night at province scale (344 MB of CSV).
            char[] block = new char[1 << 16];
            int n;
            while ((n = in.read(block)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char c = block[i];
                    if (c == '\n') {
                        line++;
                    } else if (c == '"') {
                        // A doubled quote inside a quoted field toggles twice: it stays open.
                        quoted = !quoted;
                        if (quoted) {
                            openedOn = line;
                        }
                        lastLine = line;
                    } else if (c != '\r' && !Character.isWhitespace(c)) {
                        lastLine = line;
                    }
                }
            }
            return quoted ? new OpenQuote(openedOn, lastLine) : null;
        } catch (IOException e) {
            throw new InputRefused("cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private String name() {
        return file.getFileName().toString();
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private int[] mapHeader(CSVRecord header) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = clean(header.get(i));
            if (h.isEmpty()) {
                continue;
            }
            if (positions.putIfAbsent(h, i) != null) {
                repeated.add(h);
            }
        }
        List<String> missing = kind.requiredHeaders().stream().filter(h -> !positions.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            throw new InputRefused(name() + " is missing the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (header row, line 1, has: " + Rejection.echo(String.join(", ", header.toList())) + ")");
        }
        List<String> repeatedKnown = repeated.stream().filter(h -> kind.columns().stream().anyMatch(c -> c.header().equals(h))).toList();
        if (!repeatedKnown.isEmpty()) {
            throw new InputRefused(name() + " has the column " + String.join(", ", repeatedKnown) + " more than once in its header row (line 1)");
        }
        int[] result = new int[kind.columns().size()];
        for (int c = 0; c < result.length; c++) {
            result[c] = positions.getOrDefault(kind.columns().get(c).header(), -1);
        }
        return result;
    }

    /** Surrounding white space, including the ideographic space Chinese input methods type, is not data. */
    static String clean(String value) {
        return value == null ? "" : value.strip().replace("\uFEFF", "");
    }

    /** The next non-blank record, or null at the end of the file. */
    public RawRow next() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long startLine = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (isBlank(record)) {
                    continue;
                }
                RowText original = RowText.later(() -> FORMAT.format(record.values()));
                String structureProblem = record.size() != headerSize
                        ? "the row has " + record.size() + " fields but the header has " + headerSize
                                + (lastLine > startLine ? "; " + swallowed(startLine, lastLine) : "")
                        : lastLine > startLine && holdsWholeRows(record) ? swallowed(startLine, lastLine) : null;
                String[] values = new String[positionOfColumn.length];
                for (int c = 0; c < values.length; c++) {
                    int p = positionOfColumn[c];
                    values[c] = p >= 0 && p < record.size() ? clean(record.get(p)) : null;
                }
                return new RawRow(startLine, values, original, structureProblem);
            }
            return null;
        } catch (UncheckedIOException e) {
            if (lastRowRead) {
                return null;
            }
            OpenQuote open = openQuote(file, charset);
            if (open != null && open.line() == open.lastLine()) {
                // Only the last row is broken: it is rejected like any other bad row, and the file is loaded.
                lastRowRead = true;
                return new RawRow(open.line(), new String[positionOfColumn.length], lineText(open.line()),
                        "a quoted field opens on this line and is never closed (the file ends inside it)");
            }
            long opens = open != null ? open.line() : lastLine + 1;
            throw new InputRefused(name() + ", line " + opens + ": a quoted field opens on this line and is never closed,"
                    + " so the rest of the file cannot be read (" + e.getCause().getMessage() + ")");
        }
    }

    /** The text of one physical line, as the rejects file keeps a row's original. */
    private String lineText(long line) {
        try (var lines = Files.lines(file, charset)) {
            return lines.skip(line - 1).findFirst().orElse("").replace("\uFEFF", "");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Why a row that runs over several lines is not loaded: a stray quote took in the lines after it. */
    private static String swallowed(long startLine, long endLine) {
        return "a quoted field that opens on line " + startLine + " runs to line " + endLine + ", taking in lines "
                + (startLine + 1) + "–" + endLine + " (" + (endLine - startLine) + " lines): a quote is probably stray";
    }

    /**
     * Whether a value that runs over several lines took in a line with as many commas as a row has: text
     * that legitimately runs over lines (a title, an address) does not, a row swallowed by a stray quote does.
     */
    private boolean holdsWholeRows(CSVRecord record) {
        for (String value : record) {
            String[] lines = value.split("\r?\n|\r");
            for (int l = 1; l < lines.length; l++) {
                if (headerSize > 1 && lines[l].chars().filter(ch -> ch == ',').count() >= headerSize - 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String v : record) {
            if (!clean(v).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // closing a read-only file; nothing to recover
        }
    }
}

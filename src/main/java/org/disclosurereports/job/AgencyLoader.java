package org.disclosurereports.job;

import org.disclosurereports.inputs.CsvInput;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.Rejection;
import org.disclosurereports.inputs.RowChecker;
import org.disclosurereports.store.RecordStore;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Loads agencies.csv as a whole: besides the per-row rules, a parent must be an agency that exists
 * (in this file or already known) and the tree must have no cycles. A unit whose parent is rejected
 * is rejected too, so the tree that loads is always whole. The file is small (thousands of rows).
 */
public final class AgencyLoader {

    private final RecordKind kind;
    private final RecordStore store;

    public AgencyLoader(InputSchema schema, RecordStore store) {
        this.kind = schema.kind(InputSchema.AGENCIES);
        this.store = store;
    }

    public record Result(long read, long loaded, long rejected) {}

    /**
     * @param rejects receives each rejected row's problems and its original text
     */
    public Result load(Path file, Charset charset, long loadId, BiConsumer<Rejection, String> rejects) {
        String fileName = file.getFileName().toString();
        Set<String> known = store.agencyCodes();
        // Each agency's reports go to a folder named by its code, and Windows' and macOS' file systems
        // ignore case: two codes that differ only in case would write into one folder.
        Map<String, String> knownByFolded = new HashMap<>();
        known.forEach(code -> knownByFolded.putIfAbsent(folded(code), code));
        Map<String, ParsedRow> goodByFolded = new HashMap<>();
        RowChecker checker = new RowChecker(kind, fileName, code -> true);
        Map<String, ParsedRow> good = new LinkedHashMap<>();
        List<ParsedRow> bad = new ArrayList<>();
        Set<String> rejectedCodes = new HashSet<>();
        long read = 0;
        int codeColumn = kind.columns().indexOf(kind.column("agency_code"));
        int parentColumn = kind.columns().indexOf(kind.column("parent_code"));
        try (CsvInput in = new CsvInput(file, charset, kind)) {
            for (RawRow raw = in.next(); raw != null; raw = in.next()) {
                read++;
                ParsedRow row = checker.check(raw);
                if (row.rejected()) {
                    bad.add(row);
                    if (raw.values()[codeColumn] != null) {
                        rejectedCodes.add(raw.values()[codeColumn]);
                    }
                    continue;
                }
                String code = (String) row.values()[codeColumn];
                ParsedRow first = good.get(code);
                if (first != null) {
                    bad.add(withProblem(row, fileName, "agency_code", code, "duplicate: agency_code already on line " + first.line()));
                    continue;
                }
                String caseOnly = caseOnlyConflict(code, goodByFolded, known, knownByFolded, codeColumn);
                if (caseOnly != null) {
                    bad.add(withProblem(row, fileName, "agency_code", code, caseOnly));
                    rejectedCodes.add(code);
                    continue;
                }
                good.put(code, row);
                goodByFolded.put(folded(code), row);
            }
        }
        // Parents must exist, and following parents must end at a root. Repeat until stable, because
        // rejecting a unit orphans its children.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var it = good.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                ParsedRow row = e.getValue();
                String parent = (String) row.values()[parentColumn];
                String reason = null;
                if (parent != null && parent.equals(e.getKey())) {
                    reason = "an agency cannot be its own parent";
                } else if (parent != null && !good.containsKey(parent) && (rejectedCodes.contains(parent) || !known.contains(parent))) {
                    reason = rejectedCodes.contains(parent) ? "the parent agency was rejected" : "no such agency";
                } else if (parent != null && inCycle(e.getKey(), good, parentColumn)) {
                    reason = "the parent chain loops back to this agency (a cycle)";
                }
                if (reason != null) {
                    bad.add(withProblem(row, fileName, "parent_code", parent, reason));
                    rejectedCodes.add(e.getKey());
                    it.remove();
                    changed = true;
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (ParsedRow row : good.values()) {
            rows.add(withLoad(row, loadId));
        }
        store.upsert(kind.table(), kind.dbColumns(), kind.keyColumns(), rows);
        store.listAgenciesOfLoad(loadId, good.keySet());
        bad.sort((a, b) -> Long.compare(a.line(), b.line()));
        for (ParsedRow row : bad) {
            for (Rejection r : row.problems()) {
                rejects.accept(r, row.original());
            }
        }
        return new Result(read, good.size(), bad.size());
    }

    /** Why {@code code} clashes with another code in all but case, or null if it does not. */
    private static String caseOnlyConflict(String code, Map<String, ParsedRow> goodByFolded, Set<String> known,
                                           Map<String, String> knownByFolded,
                                           int codeColumn) {
        ParsedRow earlier = goodByFolded.get(folded(code));
        if (earlier != null) {
            return "differs only in case from agency_code '" + earlier.values()[codeColumn] + "' on line " + earlier.line()
                    + ": each agency's reports go to a folder named by its code, and folder names ignore case on Windows and macOS";
        }
        // An agency loaded before under this very code is loaded again, whatever else the store holds.
        String loaded = knownByFolded.get(folded(code));
        if (loaded != null && !known.contains(code)) {
            return "differs only in case from the agency '" + loaded + "' already loaded: each agency's reports go to a folder "
                    + "named by its code, and folder names ignore case on Windows and macOS";
        }
        return null;
    }

    private static String folded(String code) {
        return code.toLowerCase(Locale.ROOT);
    }

    private static boolean inCycle(String start, Map<String, ParsedRow> good, int parentColumn) {
        Set<String> seen = new HashSet<>();
        String current = start;
        while (current != null) {
            if (!seen.add(current)) {
                // Only the members of a loop are rejected for it; units below a loop lose their parent next round.
                return current.equals(start);
            }
            ParsedRow row = good.get(current);
            current = row == null ? null : (String) row.values()[parentColumn];
        }
        return false;
    }

    private static ParsedRow withProblem(ParsedRow row, String file, String column, String value, String reason) {
        List<Rejection> problems = new ArrayList<>(row.problems());
        problems.add(new Rejection(file, row.line(), column, value, reason));
        return new ParsedRow(row.line(), row.values(), problems, row.original());
    }

    static Object[] withLoad(ParsedRow row, long loadId) {
        Object[] values = row.values();
        Object[] out = new Object[values.length + 2];
        System.arraycopy(values, 0, out, 0, values.length);
        out[values.length] = loadId;
        out[values.length + 1] = (int) row.line();
        return out;
    }
}

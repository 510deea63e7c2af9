package org.disclosurereports.job;

import org.disclosurereports.inputs.CsvInput;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.store.RecordLoads;
import org.disclosurereports.store.RecordStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a run is checked against before anything is loaded, so that a refused run changes neither the
 * database nor the outputs: the agency it names is listed in its agencies.csv, and its agencies'
 * records were not loaded from another data directory. A data directory is the whole truth for the
 * agencies it lists (its files replace their records), so a second directory listing the same
 * agencies would silently replace the first one's records; it is refused, naming that directory,
 * unless the run is told to take them over (the directory was moved, or now holds the truth).
 */
public final class RunScopeCheck {

    private final InputSchema schema;
    private final RecordStore store;

    public RunScopeCheck(InputSchema schema, RecordStore store) {
        this.schema = schema;
        this.store = store;
    }

    /** The reasons to refuse the run, empty when it may start. {@code agency} is a code or {@link RunParameters#ALL_AGENCIES}. */
    public List<String> problems(InputSet inputs, String agency, boolean takeOver) {
        List<String> problems = new ArrayList<>();
        Set<String> listed = listedCodes(inputs);
        if (!RunParameters.ALL_AGENCIES.equals(agency) && !listed.contains(agency)) {
            problems.add("--agency " + agency + ": there is no agency " + agency + " in "
                    + inputs.directory().resolve(agenciesKind().fileName()));
        }
        if (!takeOver) {
            Map<String, String> elsewhere = new RecordLoads(store).agenciesLoadedElsewhere(listed, inputs.directory().toString());
            Map<String, List<String>> byDirectory = new TreeMap<>();
            elsewhere.forEach((code, dir) -> byDirectory.computeIfAbsent(dir, d -> new ArrayList<>()).add(code));
            byDirectory.forEach((dir, codes) -> problems.add("the records of " + codes.size() + " agenc"
                    + (codes.size() == 1 ? "y" : "ies") + " listed in " + inputs.directory().resolve(agenciesKind().fileName())
                    + " (" + String.join(", ", codes) + ") were loaded from another data directory, " + dir
                    + "; this run would replace them. Use a database of its own for this data directory"
                    + " (SPRING_DATASOURCE_URL), or --take-over to make it the source of these agencies' records"));
        }
        return problems;
    }

    /**
     * For a run told to take its agencies over: removes their records that other data directories
     * loaded (every kind with agencies; their agency rows are replaced by this run's agencies.csv).
     *
     * @return the rows removed
     */
    public int takeOver(InputSet inputs) {
        List<String> tables = schema.kinds().stream()
                .filter(k -> !k.name().equals(InputSchema.AGENCIES) && !k.name().equals(InputSchema.HOLIDAYS))
                .map(RecordKind::table).toList();
        return new RecordLoads(store).removeLoadedElsewhere(tables, listedCodes(inputs), inputs.directory().toString());
    }

    /** The agency codes agencies.csv lists, as written (rows the load will reject included). */
    private Set<String> listedCodes(InputSet inputs) {
        RecordKind kind = agenciesKind();
        Set<String> codes = new LinkedHashSet<>();
        var file = inputs.file(kind.name()).orElse(null);
        if (file == null) {
            return codes;
        }
        int codeColumn = kind.columns().indexOf(kind.column("agency_code"));
        try (CsvInput in = new CsvInput(file.path(), file.charset(), kind)) {
            for (RawRow raw = in.next(); raw != null; raw = in.next()) {
                String code = raw.values().length > codeColumn ? raw.values()[codeColumn] : null;
                if (code != null && !code.isBlank()) {
                    codes.add(code.strip());
                }
            }
        }
        return codes;
    }

    private RecordKind agenciesKind() {
        return schema.kind(InputSchema.AGENCIES);
    }
}

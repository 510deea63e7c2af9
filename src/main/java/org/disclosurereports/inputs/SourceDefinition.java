package org.disclosurereports.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.env.PropertyResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A source database a run pulls records from, as defined in {@code jobs/sources/<name>.yaml}:
 * <pre>
 * name: casedb                       # identifies the source's watermarks (default: the file name)
 * url: ${CASEDB_URL}                 # JDBC URL
 * user: ${CASEDB_USER}
 * password: ${CASEDB_PASSWORD}       # must be a ${...} reference: never a password in the repository
 * fetch_size: 500                    # rows per round trip of the cursor (default 500)
 * kinds:
 *   applications:
 *     changed_column: changed_at     # optional: a result column that grows on every change
 *     query: |
 *       SELECT sqbh AS application_id, jgdm AS agency_code, ... FROM ysq_sqb
 * </pre>
 * Each query's result columns carry the data contract's column names (the office maps its own schema
 * with aliases and CASE expressions); unknown result columns are ignored, as in CSV files.
 * {@code ${NAME}} is taken from the environment (or a Spring property of that name) when the pull
 * runs, so credentials never reach the repository or the job repository's parameters.
 */
public record SourceDefinition(Path file, String name, String url, String user, String password, int fetchSize,
                               Map<String, KindQuery> kinds, String digest) {

    public record KindQuery(String kind, String query, String changedColumn) {
        public boolean incremental() {
            return changedColumn != null;
        }
    }

    /** The connection settings with their ${...} references resolved. */
    public record Connection(String url, String user, String password) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static SourceDefinition load(Path file, InputSchema schema) {
        String where = "source definition " + file;
        JsonNode root;
        String digest;
        try {
            root = YAML.readTree(Files.readString(file));
            digest = InputInspector.sha256(file);
        } catch (IOException e) {
            throw new InputRefused("cannot read the " + where + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputRefused(where + " is empty or not a YAML mapping");
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("name", "url", "user", "password", "fetch_size", "kinds").contains(f)) {
                problems.add("unknown setting '" + f + "' (known: name, url, user, password, fetch_size, kinds)");
            }
        }
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = text(root, "name", base);
        if (!NAME.matcher(name).matches()) {
            problems.add("name '" + name + "' may contain only letters, digits, '-' and '_'");
        }
        String url = text(root, "url", null);
        if (url == null) {
            problems.add("url is required (e.g. url: ${CASEDB_URL})");
        }
        String user = text(root, "user", null);
        String password = text(root, "password", null);
        if (password != null && !password.isEmpty() && !password.matches("\\$\\{[^}]+}")) {
            problems.add("password must be a reference to the environment such as ${CASEDB_PASSWORD}, never the password itself");
        }
        int fetchSize = root.path("fetch_size").asInt(500);
        if (fetchSize < 1) {
            problems.add("fetch_size must be at least 1");
        }
        Map<String, KindQuery> kinds = new LinkedHashMap<>();
        JsonNode k = root.path("kinds");
        if (!k.isObject() || k.isEmpty()) {
            problems.add("kinds is required: a query for at least one of applications, filings, enforcement, appeals");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = k.fields(); it.hasNext(); ) {
                var e = it.next();
                String kind = e.getKey();
                if (kind.equals(InputSchema.AGENCIES) || schema.kinds().stream().noneMatch(r -> r.name().equals(kind))) {
                    problems.add("kinds." + kind + ": not a record kind a source can give (applications, filings, enforcement, appeals;"
                            + " agencies come from agencies.csv)");
                    continue;
                }
                String query = text(e.getValue(), "query", null);
                String changed = text(e.getValue(), "changed_column", null);
                if (query == null) {
                    problems.add("kinds." + kind + ".query is required");
                    continue;
                }
                if (changed != null && !IDENTIFIER.matcher(changed).matches()) {
                    problems.add("kinds." + kind + ".changed_column must be a column name of the query's result, not '" + changed + "'");
                }
                kinds.put(kind, new KindQuery(kind, query.strip().replaceFirst(";\\s*$", ""), changed));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRefused(where + ": " + String.join("; ", problems));
        }
        return new SourceDefinition(file.toAbsolutePath().normalize(), name, url, user, password, fetchSize, Collections.unmodifiableMap(kinds), digest);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? otherwise : v.asText();
    }

    public boolean gives(RecordKind kind) {
        return kinds.containsKey(kind.name());
    }

    /** Resolves the ${...} references of url, user and password; refuses, naming it, one that is not set. */
    public Connection connection(PropertyResolver environment) {
        return new Connection(resolve(url, "url", environment), resolve(user, "user", environment),
                resolve(password, "password", environment));
    }

    private String resolve(String value, String setting, PropertyResolver environment) {
        if (value == null) {
            return null;
        }
        try {
            return environment.resolveRequiredPlaceholders(value);
        } catch (IllegalArgumentException e) {
            throw new InputRefused("source " + name + ": " + setting + " refers to something that is not set in the environment ("
                    + e.getMessage() + ")");
        }
    }
}

package org.disclosurereports.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.scheduling.support.CronExpression;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and checks the job definitions of a {@code jobs/} directory ({@code *.yaml}, {@code *.yml}):
 * <pre>
 * cron: "0 30 1 * * *"        # 01:30:00 every day (or a 5-field crontab line: "30 1 * * *")
 * zone: Asia/Shanghai          # optional, default the system's
 * data: /srv/disclosure/data
 * out: /srv/disclosure/reports
 * years: [current, previous]   # or 2024
 * agencies: [SL-JD1, SL-JD2]   # optional, default all in one run
 * force: false                 # optional
 * encoding: GB18030            # optional
 * templates: /srv/disclosure/templates   # optional
 * deadlines: {units: "01-20", top: "03-15"}   # optional: earlier local due dates (default 01-31 and 03-31)
 * </pre>
 * Every problem of every file is collected, each naming the file and the field, so one start
 * shows them all. Relative paths are read from the working directory, as on the command line.
 */
public final class JobDefinitions {

    static final Set<String> FIELDS = Set.of("cron", "zone", "data", "out", "years", "agencies", "force", "encoding", "templates", "deadlines");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Definitions were refused; {@link #problems()} say where and why. */
    public static final class Invalid extends Exception {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private JobDefinitions() {}

    public static List<JobDefinition> load(Path dir) throws Invalid {
        List<String> problems = new ArrayList<>();
        List<JobDefinition> jobs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new Invalid(List.of(dir + ": no such directory of job definitions"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new Invalid(List.of(dir + ": " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new Invalid(List.of(dir + ": no job definitions (*.yaml)"));
        }
        for (Path f : files) {
            JobDefinition job = read(f, problems);
            if (job != null) {
                jobs.add(job);
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return jobs;
    }

    static JobDefinition read(Path file, List<String> problems) {
        String name = file.getFileName().toString();
        int before = problems.size();
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(name + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(name + ": expected fields (cron, data, out, years, ...), found " + (root == null ? "nothing" : root.getNodeType()));
            return null;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                problems.add(name + ": field '" + field + "': unknown (fields: cron, zone, data, out, years, agencies, force, encoding, templates, deadlines)");
            }
        }
        String cronText = text(root, "cron", name, problems, true);
        CronExpression cron = null;
        if (cronText != null) {
            String expression = cronText.trim().split("\\s+").length == 5 ? "0 " + cronText.trim() : cronText.trim();
            try {
                cron = CronExpression.parse(expression);
            } catch (IllegalArgumentException e) {
                problems.add(name + ": field 'cron': '" + cronText + "' is not a cron expression (" + e.getMessage() + ")");
            }
        }
        ZoneId zone = ZoneId.systemDefault();
        String zoneText = text(root, "zone", name, problems, false);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                problems.add(name + ": field 'zone': '" + zoneText + "' is not a time zone (e.g. Asia/Shanghai)");
            }
        }
        Path data = directory(root, "data", name, problems, true, true);
        Path out = directory(root, "out", name, problems, true, false);
        Path templates = directory(root, "templates", name, problems, false, true);
        if (templates != null && !Files.isRegularFile(templates.resolve("report.ftlh"))) {
            problems.add(name + ": field 'templates': " + templates + " has no report.ftlh");
        }
        List<String> years = list(root, "years", name, problems, true);
        for (String y : years) {
            if (!y.equals("current") && !y.equals("previous") && !(y.matches("\\d{4}") && Integer.parseInt(y) >= 2019)) {
                problems.add(name + ": field 'years': '" + y + "' is not a year from 2019 on, 'current' or 'previous'");
            }
        }
        List<String> agencies = list(root, "agencies", name, problems, false);
        if (agencies.size() == 1 && agencies.get(0).equals("all")) {
            agencies = List.of();
        }
        boolean force = false;
        if (root.has("force")) {
            if (root.get("force").isBoolean()) {
                force = root.get("force").booleanValue();
            } else {
                problems.add(name + ": field 'force': '" + root.get("force").asText() + "' is not true or false");
            }
        }
        String encoding = text(root, "encoding", name, problems, false);
        if (encoding != null) {
            try {
                Charset.forName(encoding);
            } catch (RuntimeException e) {
                problems.add(name + ": field 'encoding': unknown encoding '" + encoding + "' (use UTF-8 or GB18030)");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        ReportDeadlines deadlines = deadlines(root, name, problems);
        return new JobDefinition(name, cronText, cron, zone, data, out, years, agencies, force, encoding, templates, deadlines);
    }

    private static ReportDeadlines deadlines(JsonNode root, String name, List<String> problems) {
        JsonNode d = root.get("deadlines");
        if (d == null || d.isNull()) {
            return ReportDeadlines.STATUTORY;
        }
        if (!d.isObject()) {
            problems.add(name + ": field 'deadlines': expected units and/or top, each MM-DD");
            return ReportDeadlines.STATUTORY;
        }
        for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("units") && !f.equals("top")) {
                problems.add(name + ": field 'deadlines." + f + "': unknown (units, top)");
            }
        }
        try {
            MonthDay units = ReportDeadlines.local(text(d, "units", name, problems, false), ReportDeadlines.STATUTORY.units(), "units");
            MonthDay top = ReportDeadlines.local(text(d, "top", name, problems, false), ReportDeadlines.STATUTORY.top(), "top");
            return new ReportDeadlines(units == null ? ReportDeadlines.STATUTORY.units() : units, top == null ? ReportDeadlines.STATUTORY.top() : top);
        } catch (IllegalArgumentException e) {
            problems.add(name + ": " + e.getMessage());
            return ReportDeadlines.STATUTORY;
        }
    }

    private static String text(JsonNode root, String field, String file, List<String> problems, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            if (required) {
                problems.add(file + ": field '" + field + "': missing");
            }
            return null;
        }
        if (!n.isValueNode()) {
            problems.add(file + ": field '" + field + "': expected a single value, found " + n.getNodeType().name().toLowerCase());
            return null;
        }
        return n.asText();
    }

    private static Path directory(JsonNode root, String field, String file, List<String> problems, boolean required, boolean mustExist) {
        String t = text(root, field, file, problems, required);
        if (t == null) {
            return null;
        }
        Path p = Path.of(t).toAbsolutePath().normalize();
        if (mustExist && !Files.isDirectory(p)) {
            problems.add(file + ": field '" + field + "': directory " + p + " does not exist");
        }
        return p;
    }

    private static List<String> list(JsonNode root, String field, String file, List<String> problems, boolean required) {
        JsonNode n = root.get(field);
        List<String> values = new ArrayList<>();
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(file + ": field '" + field + "': missing");
            }
            return values;
        }
        if (n.isArray()) {
            for (JsonNode v : n) {
                if (!v.isValueNode() || v.asText().isBlank()) {
                    problems.add(file + ": field '" + field + "': entries must be single values, found " + v);
                } else {
                    values.add(v.asText().trim());
                }
            }
        } else if (n.isValueNode()) {
            values.add(n.asText().trim());
        } else {
            problems.add(file + ": field '" + field + "': expected a value or a list");
        }
        if (required && values.isEmpty() && n.isArray()) {
            problems.add(file + ": field '" + field + "': empty");
        }
        return values;
    }
}

package org.disclosurereports.core.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The statutory labels of the keys in a format file ({@code format/<id>.yaml}), per table, so that a
 * person correcting a published report reads 本年新收政府信息公开申请数量 / 自然人, not new_received / natural_person.
 * Read from the format file as it is (every object with a key and a label), whatever its layout.
 */
public final class FormatLabels {

    private final Map<String, Map<String, String>> byTable;

    private FormatLabels(Map<String, Map<String, String>> byTable) {
        this.byTable = byTable;
    }

    public static FormatLabels of(String formatId) {
        try (InputStream in = FormatLabels.class.getClassLoader().getResourceAsStream("format/" + formatId + ".yaml")) {
            if (in == null) {
                return new FormatLabels(Map.of());
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Map<String, String>> tables = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Map<String, String> labels = new HashMap<>();
                collect(e.getValue(), labels);
                tables.put(e.getKey(), labels);
            }
            return new FormatLabels(tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode n, Map<String, String> labels) {
        if (n.isObject()) {
            if (n.has("key") && n.has("label")) {
                labels.putIfAbsent(n.get("key").asText(), n.get("label").asText());
            }
            n.elements().forEachRemaining(c -> collect(c, labels));
        } else if (n.isArray()) {
            n.elements().forEachRemaining(c -> collect(c, labels));
        }
    }

    /** The label of a row or column path like {@code rows / new_received}: the last part's label, or "" if none. */
    public String label(String table, String path) {
        if (path.isEmpty()) {
            return "";
        }
        String last = path.contains(" / ") ? path.substring(path.lastIndexOf(" / ") + 3) : path;
        return byTable.getOrDefault(table, Map.of()).getOrDefault(last, "");
    }
}

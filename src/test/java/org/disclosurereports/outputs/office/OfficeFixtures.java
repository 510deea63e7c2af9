package org.disclosurereports.outputs.office;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.render.RenderFixtures;
import org.disclosurereports.render.ReportRenderer;
import org.disclosurereports.render.ReportView;
import org.disclosurereports.render.Templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** A report built through the real counters, its page and its tables.json, for the office-file tests. */
public final class OfficeFixtures {

    static final StatutoryTables TABLES = RenderFixtures.tables();
    static final String HTML = new ReportRenderer(RenderFixtures.FORMAT, Templates.shipped())
            .html(ReportView.of(RenderFixtures.FORMAT, RenderFixtures.agency(), TABLES, List.of()));
    static final JsonNode JSON = json(TablesJson.write(TABLES));

    private OfficeFixtures() {}

    static JsonNode json(byte[] bytes) {
        try {
            return TablesJson.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value tables.json holds for a cell reference, read from the JSON itself. */
    public static BigDecimal jsonValue(JsonNode root, String reference) {
        if (CellRef.PROCESSING_FEES.equals(reference)) {
            JsonNode fee = root.path(reference);
            return fee.isNull() || fee.isMissingNode() ? null : new BigDecimal(fee.asText());
        }
        CellRef ref = CellRef.parse(reference);
        JsonNode node = switch (ref.table()) {
            case "table3" -> {
                JsonNode t3 = root.path("table3");
                int column = -1;
                for (int i = 0; i < t3.path("columns").size(); i++) {
                    if (t3.path("columns").get(i).asText().equals(ref.column())) {
                        column = i;
                    }
                }
                yield t3.path("rows").path(ref.row()).path(column);
            }
            default -> root.path(ref.table()).path(ref.row()).path(ref.column());
        };
        if (node.isMissingNode()) {
            throw new AssertionError("tables.json has no cell " + reference);
        }
        return new BigDecimal(node.asText());
    }
}

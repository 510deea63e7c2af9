package org.disclosurereports.core.figures;

import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.ReportFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One codec, two modes: strict for our own output, as printed for auditing published reports. */
class TablesJsonTest {

    static final ReportFormat FORMAT = ReportFormat.current();

    /** 3 applications by natural persons, 2 granted, 1 carried forward; 2 reviews upheld; fee 12.5 元. */
    static StatutoryTables small() {
        Grid t3 = new Grid(FORMAT.table3Shape());
        t3.add("new_received", "natural_person", 3);
        t3.add("granted", "natural_person", 2);
        t3.add("carried_forward", "natural_person", 1);
        Grid t4 = new Grid(FORMAT.table4Shape());
        t4.add("review", "upheld", 2);
        Table2 t2 = new Table2(FORMAT.table2());
        t2.add("licensing", "decisions", BigDecimal.valueOf(7));
        t2.add("fees", "amount_wan_yuan", new BigDecimal("1.50"));
        return new StatutoryTables("U", "单位", 2024, StatutoryTables.SCOPE_AGENCY, t2, t3.withTotals(), t4.withTotals(), new BigDecimal("12.5"));
    }

    static ObjectNode written(Map<String, Object> extensions) throws Exception {
        return (ObjectNode) TablesJson.JSON.readTree(TablesJson.write(small(), extensions));
    }

    @Test
    void writesLayoutOrderWithExtensionsAfterTheV1Fields() throws Exception {
        ObjectNode root = written(Map.of(TablesJson.DATA_SOURCE, "records"));
        assertThat(root.get("schema").asText()).isEqualTo(TablesJson.SCHEMA);
        assertThat(root.get("table3").get("rows").get("granted").toString()).isEqualTo("[2,0,0,0,0,0,2]");
        assertThat(root.get("table3").get("rows").get("total_processed").toString()).isEqualTo("[2,0,0,0,0,0,2]");
        assertThat(root.get("table4").get("review").get("total").asInt()).isEqualTo(2);
        assertThat(root.get("table2").get("fees").get("amount_wan_yuan").asText()).isEqualTo("1.5");
        assertThat(root.get(TablesJson.PROCESSING_FEES).asText()).isEqualTo("12.5");
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).endsWith(TablesJson.PROCESSING_FEES, TablesJson.DATA_SOURCE);
    }

    @Test
    void strictReadGivesTheSameTablesBack() throws Exception {
        StatutoryTables back = TablesJson.read(written(Map.of(TablesJson.UNITS, List.of("U"))), FORMAT);
        assertThat(back).isEqualTo(small());
        assertThat(back.value("table3.total_processed.total")).isEqualByComparingTo("2");
    }

    @Test
    void strictReadRefusesAHandSetTotalABlankAndAFraction() throws Exception {
        ObjectNode total = written(Map.of());
        ((ArrayNode) total.get("table3").get("rows").get("granted")).set(6, 5);
        assertThatThrownBy(() -> TablesJson.read(total, FORMAT))
                .hasMessageContaining("table3.granted.total is 5 but its parts add up to 2");
        ObjectNode blank = written(Map.of());
        ((ObjectNode) blank.get("table4").get("review")).putNull("pending");
        assertThatThrownBy(() -> TablesJson.read(blank, FORMAT)).hasMessageContaining("table4.review.pending has no value");
        ObjectNode fraction = written(Map.of());
        ((ArrayNode) fraction.get("table3").get("rows").get("granted")).set(0, 1.5);
        assertThatThrownBy(() -> TablesJson.read(fraction, FORMAT)).hasMessageContaining("not a whole number");
    }

    @Test
    void asPrintedKeepsBlanksAndTotalsAsPrinted() throws Exception {
        ObjectNode root = written(Map.of());
        ((ArrayNode) root.get("table3").get("rows").get("granted")).set(6, 5);
        ((ObjectNode) root.get("table4").get("review")).put("pending", "—");
        ((ObjectNode) root.get("table2").get("licensing")).putNull("decisions");
        root.remove(TablesJson.PROCESSING_FEES);
        PublishedTables p = TablesJson.readAsPrinted(root, FORMAT, "published.json");
        assertThat(p.get("table3.granted.total")).isEqualByComparingTo("5");
        assertThat(p.get("table4.review.pending")).isNull();
        assertThat(p.get("table2.licensing.decisions")).isNull();
        assertThat(p.get(CellRef.PROCESSING_FEES)).isNull();
        assertThat(p.get("table3.new_received.natural_person")).isEqualByComparingTo("3");
    }

    @Test
    void asPrintedRefusesWhatIsNotTheSchemaNamingThePlace() throws Exception {
        ObjectNode unknown = written(Map.of());
        ((ObjectNode) unknown.get("table4")).putObject("appeal").put("upheld", 1);
        assertThatThrownBy(() -> TablesJson.readAsPrinted(unknown, FORMAT, "x.json"))
                .isInstanceOf(TablesJson.Unreadable.class).hasMessage("x.json: unknown cell table4.appeal.upheld (not in the layout gov-2021-30)");
        ObjectNode word = written(Map.of());
        ((ObjectNode) word.get("table4").get("review")).put("upheld", "两");
        assertThatThrownBy(() -> TablesJson.readAsPrinted(word, FORMAT, "x.json"))
                .hasMessage("x.json: cell table4.review.upheld has value '两', which is not a number");
        JsonNode other = TablesJson.JSON.readTree("{\"schema\": \"something/v2\"}");
        assertThatThrownBy(() -> TablesJson.readAsPrinted(other, FORMAT, "x.json")).hasMessageContaining("not a disclosure-tables/v1 document");
    }
}

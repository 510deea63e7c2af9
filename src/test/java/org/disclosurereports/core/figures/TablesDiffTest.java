package org.disclosurereports.core.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TablesDiffTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    void namesEachChangedCellByTableRowAndColumn() throws Exception {
        JsonNode published = json("""
                {'agency_code':'X','agency_name':'甲','table2':{'licensing':{'decisions':512},'fees':{'amount_wan_yuan':'15.0200'}},
                 'table3':{'columns':['natural_person','commercial','total'],'rows':{'new_received':[3,1,4],'carried_over':[0,0,0]}},
                 'table4':{'review':{'upheld':1,'total':1}},'processing_fees_yuan':'0'}""");
        JsonNode now = json("""
                {'agency_code':'X','agency_name':'甲（更名）','table2':{'licensing':{'decisions':512},'fees':{'amount_wan_yuan':'15.02'}},
                 'table3':{'columns':['natural_person','commercial','total'],'rows':{'new_received':[4,1,5],'carried_over':[0,0,0]}},
                 'table4':{'review':{'upheld':1,'total':1,'pending':2}},'processing_fees_yuan':'10.5'}""");
        // 15.0200 and 15.02 are the same amount; the agency's name is not a figure.
        assertThat(TablesDiff.between(published, now)).containsExactly(
                new TablesDiff.Change("table3", "rows / new_received", "natural_person", "3", "4"),
                new TablesDiff.Change("table3", "rows / new_received", "total", "4", "5"),
                new TablesDiff.Change("table4", "review", "pending", "", "2"),
                new TablesDiff.Change("processing_fees_yuan", "processing_fees_yuan", "", "0", "10.5"));
    }

    @Test
    void sameFiguresNoChanges() throws Exception {
        JsonNode t = json("{'table3':{'columns':['a','total'],'rows':{'r':[1,1]}}}");
        assertThat(TablesDiff.between(t, t)).isEmpty();
        assertThat(new TablesDiff.Change("table3", "rows / r", "a", "1", "").describe()).isEqualTo("table3 rows / r / a: published 1, now (none)");
    }
}

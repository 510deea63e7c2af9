package org.disclosurereports.job;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.RowChecker;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows of agencies kept unchanged pass unchecked; every other row, and every row of a kept agency with a rejected row, is checked. */
class RowCheckProcessorTest {

    private final RecordKind applications = new InputSchema(ReportFormat.current()).kind("applications");

    private RowCheckProcessor processor(ExecutionContext context) {
        RowChecker checker = new RowChecker(applications, "applications.csv", Set.of("SL", "SL-GOV", "SL-JD1")::contains);
        RowCheckProcessor processor = new RowCheckProcessor(checker, applications.dbColumns().indexOf("agency_code"),
                applications.columns().size(), () -> Set.of("SL", "SL-JD1"));
        processor.open(context);
        return processor;
    }

    /** A row whose received date no calendar has: rejected whenever it is checked. */
    private static RawRow badDate(String agency) {
        return new RawRow(9, new String[] {"A1", agency, "2024-02-30", "natural_person", null, null, null, null}, "A1," + agency + ",2024-02-30", null);
    }

    @Test
    void aKeptAgencysRowsAreNotCheckedAgainAndCarryTheirAgency() {
        ExecutionContext context = new ExecutionContext();
        context.putString(UnchangedAgencies.WITH_REJECTED_ROWS, "SL-JD1");
        RowCheckProcessor processor = processor(context);

        ParsedRow kept = processor.process(badDate("SL"));
        assertThat(kept.rejected()).isFalse();
        assertThat(kept.values()[applications.dbColumns().indexOf("agency_code")]).isEqualTo("SL");

        assertThat(processor.process(badDate("SL-JD1")).rejected()).as("kept, but with a rejected row in the file").isTrue();
        assertThat(processor.process(badDate("SL-GOV")).rejected()).as("not kept").isTrue();
        assertThat(processor.process(badDate(" SL")).rejected()).as("not the kept agency's code as written").isTrue();
    }

    @Test
    void aLoadDecidedWithoutNotingRejectedAgenciesChecksEveryRow() {
        RowCheckProcessor processor = processor(new ExecutionContext());
        assertThat(processor.process(badDate("SL")).rejected()).isTrue();
    }
}

package org.disclosurereports.cli;

import org.disclosurereports.job.RunParameters;
import org.disclosurereports.operations.ReportSeal;

import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * {@code seal --out DIR --year YYYY --agency CODE [--by NAME]}: the office published this report.
 * Its figures (tables.json) are stored as published; from now on nightly runs leave the report's
 * files alone and list how today's figures differ from them, cell by cell.
 */
@Component
public class SealCommand implements Command {

    private final ReportSeal seal;

    public SealCommand(ReportSeal seal) {
        this.seal = seal;
    }

    @Override
    public String name() {
        return "seal";
    }

    @Override
    public String usage() {
        return """
                seal --out DIR --year YYYY --agency CODE [--by NAME]
                    mark an agency's report of the year as published: later runs never overwrite it and report
                    differences instead (OUT/YEAR/CODE/sealed-differences.csv). Undo with unseal.""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("out", "year", "agency", "by");
    }

    @Override
    public Needs needs(Options options) {
        return Needs.DATABASE_ONLY;
    }

    @Override
    public ExitCode execute(Options options) {
        int year = options.year();
        String agency = options.required("agency");
        Path out = RunParameters.realDirectory(options.path("out"));
        String by = Optional.ofNullable(options.optional("by")).orElse(System.getProperty("user.name", "unknown"));
        ReportSeal.Outcome outcome = seal.seal(out, year, agency, by);
        if (!outcome.sealed()) {
            System.err.println(outcome.message());
            return ExitCode.INPUT_REFUSED;
        }
        System.out.println(outcome.message());
        return ExitCode.OK;
    }
}

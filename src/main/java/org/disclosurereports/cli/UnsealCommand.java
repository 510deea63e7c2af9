package org.disclosurereports.cli;

import org.disclosurereports.operations.ReportSeal;

import org.springframework.stereotype.Component;

import java.util.Set;

/** {@code unseal --year YYYY --agency CODE}: the published report is to be corrected; the next run rebuilds it. */
@Component
public class UnsealCommand implements Command {

    private final ReportSeal sealed;

    public UnsealCommand(ReportSeal sealed) {
        this.sealed = sealed;
    }

    @Override
    public String name() {
        return "unseal";
    }

    @Override
    public String usage() {
        return """
                unseal --year YYYY --agency CODE
                    the published report is being corrected: the next run builds it again (seal it again once republished)""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("year", "agency");
    }

    @Override
    public Needs needs(Options options) {
        return Needs.DATABASE_ONLY;
    }

    @Override
    public ExitCode execute(Options options) {
        int year = options.year();
        String agency = options.required("agency");
        if (sealed.unseal(agency, year)) {
            System.out.println("Unsealed " + agency + " " + year + ": the next run (even with the same input files) builds the report again.");
        } else {
            System.out.println(agency + " " + year + " was not sealed.");
        }
        return ExitCode.OK;
    }
}

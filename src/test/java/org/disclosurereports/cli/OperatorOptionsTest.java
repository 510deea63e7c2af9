package org.disclosurereports.cli;

import org.disclosurereports.job.RunParameters;
import org.disclosurereports.operations.RunOperator;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How stop and abandon name a run on the command line; what is wrong there is a usage error (exit 2). */
class OperatorOptionsTest {

    private static final Command STOP = new StopCommand(null);

    private static Options parse(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "stop";
        System.arraycopy(args, 0, all, 1, args.length);
        return Options.parse(all, STOP);
    }

    @Test
    void aScopeWithoutAgencyIsTheRunOfAllAgenciesWithTheOutputDirectoryAsRunStoresIt() {
        Options options = parse("--year", "2024", "--out", "out/../out");
        assertThat(OperatorOptions.execution(options)).isNull();
        assertThat(OperatorOptions.scope(options))
                .isEqualTo(new RunOperator.Selection(2024, Path.of("out").toAbsolutePath().normalize(), RunParameters.ALL_AGENCIES));
        assertThat(OperatorOptions.scope(parse("--year", "2024", "--out", "o", "--agency", "SL-JD1")).agency()).isEqualTo("SL-JD1");
    }

    @Test
    void anExecutionIdNamesTheRunByItself() {
        assertThat(OperatorOptions.execution(parse("--execution", "42"))).isEqualTo(42L);
        assertThatThrownBy(() -> OperatorOptions.execution(parse("--execution", "42", "--year", "2024")))
                .isInstanceOf(UsageException.class).hasMessageContaining("without --year, --out and --agency");
        assertThatThrownBy(() -> OperatorOptions.execution(parse("--execution", "last")))
                .isInstanceOf(UsageException.class).hasMessageContaining("not 'last'");
    }

    @Test
    void aScopeNeedsYearAndOutputDirectory() {
        assertThatThrownBy(() -> OperatorOptions.scope(parse())).isInstanceOf(UsageException.class)
                .hasMessageContaining("--year YYYY --out DIR [--agency CODE], or --execution ID");
        assertThatThrownBy(() -> OperatorOptions.scope(parse("--year", "2024"))).isInstanceOf(UsageException.class)
                .hasMessage("--out is required");
        assertThatThrownBy(() -> OperatorOptions.scope(parse("--out", "o"))).isInstanceOf(UsageException.class)
                .hasMessage("--year is required");
    }
}

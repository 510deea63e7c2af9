package org.disclosurereports.devtools.generate;

import org.disclosurereports.cli.Command;
import org.disclosurereports.cli.ExitCode;
import org.disclosurereports.cli.Options;
import org.disclosurereports.cli.UsageException;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** {@code generate --out DIR [--scale F] [--seed N]}: a synthetic data set for benchmarks and demos. */
@Component
public class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return """
                generate --out DIR [--scale F] [--seed N]
                    write a synthetic data set in the data contract (deterministic from the seed)
                    --scale     fraction of province scale (1 = 5,000 units, 1,000,000 applications, 2,000,000 filings,
                                50,000 appeals, 100,000 trainings and hearings); default 0.01
                    --seed      default 1""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("out", "scale", "seed");
    }

    /** Writes files only: no database. */
    @Override
    public Needs needs(Options options) {
        return Needs.NOTHING;
    }

    @Override
    public ExitCode execute(Options options) {
        Path out = options.path("out");
        double scale;
        long seed;
        try {
            scale = Double.parseDouble(options.optional("scale") == null ? "0.01" : options.optional("scale"));
            seed = Long.parseLong(options.optional("seed") == null ? "1" : options.optional("seed"));
        } catch (NumberFormatException e) {
            throw new UsageException("--scale takes a number (e.g. 0.1) and --seed a whole number");
        }
        if (scale <= 0 || scale > 10) {
            throw new UsageException("--scale must be above 0 and at most 10");
        }
        try {
            long start = System.nanoTime();
            for (String line : new SyntheticData(seed, SyntheticData.Size.scaled(scale)).writeTo(out)) {
                System.out.println("  " + line + " rows");
            }
            System.out.printf("Wrote a synthetic data set (scale %s, seed %d) to %s in %.1f s%n", scale, seed, out,
                    (System.nanoTime() - start) / 1e9);
            return ExitCode.OK;
        } catch (IOException e) {
            System.err.println("Cannot write to " + out + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
    }
}

package org.disclosurereports;

import org.disclosurereports.cli.CommandLine;
import org.disclosurereports.cli.ExitCode;
import org.disclosurereports.job.FailureSentence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;
import java.util.Map;

/**
 * disclosure-reports: from case records to the statutory 政府信息公开工作年度报告.
 * <p>
 * The pipeline at a glance:
 * <ol>
 *   <li>{@code ingest}: CSV files of the data contract are checked row by row and upserted on their natural keys;
 *       rejected rows go to {@code rejects/} with file, line, column, value and reason;</li>
 *   <li>{@code tables}: tables 二, 三, 四 are counted from the records by the contract's rules, totals computed;</li>
 *   <li>{@code render}: each report is written as HTML, PDF and tables.json, plus the year's index;</li>
 *   <li>{@code run}: the Spring Batch job that strings these together, restartable step by step;</li>
 *   <li>{@code cli}: the command line ({@code run}, ...), with exit codes for operators.</li>
 * </ol>
 * The statutory layout itself is data: {@code format/gov-2021-30.yaml}, read by {@code format.ReportFormat}.
 */
@SpringBootApplication
public class DisclosureReportsApplication {

    public static void main(String[] args) {
        System.exit(launch(args));
    }

    /**
     * The command line is read first: help, a usage error and a command that needs nothing are settled
     * without starting Spring or touching the database; any other command starts the application.
     */
    static int launch(String[] args) {
        try {
            CommandLine.Reading reading = new CommandLine(CommandLine.describedCommands()).read(args, System.out, System.err);
            if (reading.settled()) {
                return reading.exitCode().code();
            }
            String[] withSettings = switch (reading.needs()) {
                // the application's default is no web server
                case WEB -> withArgument(args, "--spring.main.web-application-type=servlet");
                case DATABASE_ONLY -> withArgument(args, "--spring.main.lazy-initialization=true");
                default -> args;
            };
            for (Map.Entry<String, String> setting : reading.settings().entrySet()) {
                withSettings = withArgument(withSettings, "--" + setting.getKey() + "=" + setting.getValue());
            }
            // A plain SpringApplication.run exits 0 even when the job failed: the Cli maps outcomes to exit codes.
            return SpringApplication.exit(SpringApplication.run(DisclosureReportsApplication.class, withSettings));
        } catch (RuntimeException e) {
            System.err.println("disclosure-reports could not start: " + FailureSentence.of(e));
            return ExitCode.FAILED.code();
        }
    }

    private static String[] withArgument(String[] args, String argument) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = argument;
        return all;
    }
}

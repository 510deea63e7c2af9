package org.disclosurereports;

import org.disclosurereports.cli.Cli;
import org.disclosurereports.cli.ExitCode;
import org.disclosurereports.job.FailureSentence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

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
        boolean noCommand = args.length == 0;
        int code;
        try {
            // A plain SpringApplication.run exits 0 even when the job failed: the Cli maps outcomes to exit codes.
            code = SpringApplication.exit(SpringApplication.run(DisclosureReportsApplication.class, noCommand ? new String[] {"help"} : args));
            if (noCommand) {
                code = ExitCode.USAGE.code();
            }
        } catch (RuntimeException e) {
            System.err.println("disclosure-reports could not start: " + FailureSentence.of(e));
            code = ExitCode.FAILED.code();
        }
        System.exit(code);
    }
}

package org.disclosurereports.outputs;

import org.disclosurereports.core.compliance.ReplyDeadlines;

/**
 * {@code <out>/<year>/<agency_code>/late-replies.csv}: the office's working list of applications answered
 * late or still open past their deadline. Internal: it names application ids, which the published
 * report never does. UTF-8 with a BOM, so Excel opens it as Chinese text.
 */
public final class LateRepliesCsv {

    public static final String FILE = "late-replies.csv";

    private LateRepliesCsv() {}

    public static byte[] write(ReplyDeadlines.Summary summary) {
        CsvWriter csv = CsvWriter.forExcel()
                .row("application_id", "received_date", "extended", "deadline", "closed_date", "working_days", "status", "status_label");
        for (ReplyDeadlines.Reply r : summary.overdue()) {
            csv.row(r.applicationId(), r.received(), r.extended() ? "Y" : "N", r.deadline(), r.closed(), r.workingDays(),
                    r.status().name().toLowerCase(), r.status().label());
        }
        return csv.toUtf8();
    }
}

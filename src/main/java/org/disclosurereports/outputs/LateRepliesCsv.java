package org.disclosurereports.outputs;

import org.disclosurereports.core.compliance.ReplyDeadlines;

import java.nio.charset.StandardCharsets;

/**
 * {@code <out>/<year>/<agency_code>/late-replies.csv}: the office's working list of applications answered
 * late or still open past their deadline. Internal: it names application ids, which the published
 * report never does. UTF-8 with a BOM, so Excel opens it as Chinese text.
 */
public final class LateRepliesCsv {

    private LateRepliesCsv() {}

    public static byte[] write(ReplyDeadlines.Summary summary) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("application_id,received_date,extended,deadline,closed_date,working_days,status,status_label\r\n");
        for (ReplyDeadlines.Reply r : summary.overdue()) {
            sb.append(quote(r.applicationId())).append(',')
                    .append(r.received()).append(',')
                    .append(r.extended() ? "Y" : "N").append(',')
                    .append(r.deadline()).append(',')
                    .append(r.closed() == null ? "" : r.closed().toString()).append(',')
                    .append(r.workingDays()).append(',')
                    .append(r.status().name().toLowerCase()).append(',')
                    .append(r.status().label()).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String v) {
        return v.matches("[^\",\\r\\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }
}

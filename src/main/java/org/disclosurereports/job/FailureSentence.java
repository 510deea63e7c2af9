package org.disclosurereports.job;

import java.net.ConnectException;

/** A failure as one sentence for the operator: its innermost message, with a hint where the cause is a usual one. */
public final class FailureSentence {

    private FailureSentence() {}

    public static String of(Throwable t) {
        Throwable root = rootOf(t);
        String m = root.getMessage();
        if (m == null || m.isBlank()) {
            m = root.getClass().getSimpleName();
        }
        if (root instanceof ConnectException || m.contains("Communications link failure")) {
            return "cannot reach the database (" + m.lines().findFirst().orElse(m) + "); check SPRING_DATASOURCE_URL and that the server is running";
        }
        if (m.contains("Database may be already in use")) {
            return "the embedded database is in use by another run (" + m.lines().findFirst().orElse(m) + ")";
        }
        return m.lines().findFirst().orElse(m);
    }

    /** The innermost cause. */
    public static Throwable rootOf(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}

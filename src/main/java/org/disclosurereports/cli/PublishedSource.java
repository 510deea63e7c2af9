package org.disclosurereports.cli;

import org.disclosurereports.inputs.published.ImportedReport;
import org.disclosurereports.inputs.published.PublishedImport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The published report a command names with {@code --html FILE} or {@code --pdf FILE}. */
record PublishedSource(String kind, Path file) {

    /** The file cannot be read as a report of its kind; the message names it. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The source named on the command line, or null when neither option is given. */
    static PublishedSource optional(Options options) {
        String html = options.optional("html");
        String pdf = options.optional("pdf");
        if (html != null && pdf != null) {
            throw new UsageException("give --html FILE or --pdf FILE, not both");
        }
        if (html == null && pdf == null) {
            return null;
        }
        return html != null ? new PublishedSource("html", Path.of(html)) : new PublishedSource("pdf", Path.of(pdf));
    }

    static PublishedSource of(Options options) {
        PublishedSource s = optional(options);
        if (s == null) {
            throw new UsageException("give the published report: --html FILE or --pdf FILE");
        }
        return s;
    }

    ImportedReport read(PublishedImport importer) throws Unreadable {
        if (!Files.isRegularFile(file)) {
            throw new Unreadable("--" + kind + " " + file + ": " + (Files.isDirectory(file) ? "is a directory" : "the file does not exist")
                    + " (looked for " + file.toAbsolutePath().normalize() + ")");
        }
        try {
            return importer.read(file, kind);
        } catch (IOException e) {
            throw new Unreadable("--" + kind + " " + file + ": cannot be read as " + kind.toUpperCase() + " (" + e.getMessage() + ")");
        }
    }
}

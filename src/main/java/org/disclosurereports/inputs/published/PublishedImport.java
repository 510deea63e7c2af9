package org.disclosurereports.inputs.published;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;


import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a published report (HTML or PDF) into the layout it matches best: every layout the project
 * ships ({@code format/formats.yaml}) is tried and the one that places the most cells wins; its id is kept
 * with the figures. The agency and year come from the report's title (…2024年政府信息公开工作年度报告).
 */
public final class PublishedImport {

    private static final Pattern TITLE = Pattern.compile("(.*?)(\\d{4})\\s*年度?\\s*政府信息公开工作年度报告");

    private final List<ReportFormat> formats;

    public PublishedImport(List<ReportFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Every layout the project ships ({@code format/formats.yaml}). */
    public static PublishedImport shipped() {
        return new PublishedImport(ReportFormats.shipped().all());
    }

    /** The kind of a published file by its name: "html" or "pdf", or null for neither. */
    public static String kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "html";
        }
        return name.endsWith(".pdf") ? "pdf" : null;
    }

    public ImportedReport read(Path file, String kind) throws IOException {
        PublishedDocument document = "pdf".equals(kind) ? PdfReports.read(file) : HtmlReports.read(file);
        return match(document);
    }

    /** The report's title of the statutory form, from the page title or the first paragraph that has one. */
    private static Matcher statutoryTitle(PublishedDocument document) {
        List<String> candidates = new ArrayList<>();
        candidates.add(document.title());
        document.paragraphs().forEach(p -> candidates.add(p.text()));
        for (String text : candidates) {
            Matcher m = TITLE.matcher(Labels.normalize(text));
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    public ImportedReport match(PublishedDocument document) {
        String agency = null;
        Integer year = null;
        Matcher m = statutoryTitle(document);
        if (m != null) {
            agency = m.group(1).isEmpty() ? null : m.group(1);
            year = Integer.valueOf(m.group(2));
        }
        ImportedReport best = null;
        for (ReportFormat format : formats) {
            ImportedReport r = new TableMatcher(format).match(document, agency, year);
            if (best == null || r.places().size() > best.places().size()) {
                best = r;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no layout under format/");
        }
        new TextFigures(best.tables().format()).find(document.paragraphs()).forEach(best.tables()::addTextFigure);
        return best;
    }
}

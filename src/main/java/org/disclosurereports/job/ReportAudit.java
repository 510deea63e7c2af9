package org.disclosurereports.job;

import org.disclosurereports.core.counting.EvidenceCollector;
import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.rules.Auditor;
import org.disclosurereports.core.rules.Validation;
import org.disclosurereports.outputs.EvidenceFiles;
import org.disclosurereports.render.AuditPages;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.figures.StatutoryTables;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run adds beside each generated report for auditors: {@code validation.json} and
 * {@code validation.html} (every rule of the catalogue on the report, cross-year rules against the
 * previous year counted from the same records) and the internal {@code evidence/}.
 */
public final class ReportAudit {

    private final ReportFormat format;
    private final Auditor auditor;
    private final AuditPages pages;

    public ReportAudit(ReportFormat format, AuditPages pages) {
        this.format = format;
        this.pages = pages;
        this.auditor = Auditor.shipped(format);
    }

    /** A fresh collector, to pass to the counters of one report. */
    public EvidenceCollector evidence() {
        return new EvidenceCollector(format);
    }

    public Validation validate(StatutoryTables tables, ReportNarrative narrative, StatutoryTables previous) {
        Auditor.Subject s = Auditor.Subject.of(PublishedTables.of(format, tables, narrative));
        if (previous != null) {
            s = s.withPrevious(PublishedTables.of(format, previous, null));
        }
        return auditor.audit(s);
    }

    /** File name (relative to the report's directory) to content. */
    public Map<String, byte[]> files(StatutoryTables tables, ReportNarrative narrative, StatutoryTables previous,
                                     EvidenceCollector evidence) {
        Validation v = validate(tables, narrative, previous);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("validation.json", v.toJson());
        files.put("validation.html", pages.validation(v).getBytes(StandardCharsets.UTF_8));
        files.putAll(EvidenceFiles.of(PublishedTables.of(format, tables, narrative), evidence, pages));
        return files;
    }
}

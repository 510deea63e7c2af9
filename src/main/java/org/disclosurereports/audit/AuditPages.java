package org.disclosurereports.audit;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** The auditors' pages: {@code validation.html} beside each report and the internal {@code evidence/index.html}. */
public final class AuditPages {

    private final Configuration cfg;

    public AuditPages() {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new ClassTemplateLoader(AuditPages.class.getClassLoader(), "audit"));
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setNumberFormat("computer");
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
    }

    public String validation(Validation v) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("v", v);
        model.put("blocking", v.blocking());
        model.put("warnings", v.warnings());
        model.put("unchecked", v.unchecked());
        return render("validation.ftlh", model);
    }

    String evidence(PublishedTables report, List<EvidenceFiles.TableEvidence> tables, List<EvidenceFiles.FigureEvidence> figures) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("agencyCode", report.agencyCode());
        model.put("agencyName", report.agencyName());
        model.put("year", report.year());
        model.put("tables", tables);
        model.put("figures", figures);
        return render("evidence.ftlh", model);
    }

    private String render(String name, Map<String, Object> model) {
        StringWriter out = new StringWriter(32 * 1024);
        try {
            cfg.getTemplate(name).process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template audit/" + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template audit/" + name + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}

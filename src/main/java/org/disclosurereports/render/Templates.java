package org.disclosurereports.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * FreeMarker set up for the project's templates (HTML auto-escaping, UTF-8, exact numbers): one
 * configuration per user, templates cached by it. Reports, the index and the auditors' pages share it.
 */
public final class Templates {

    private final Configuration configuration;

    /** @param templateDir a directory of templates, or null for the defaults shipped at classpath {@code templates/} */
    Templates(Path templateDir) {
        this(loader(templateDir));
    }

    /** Templates shipped in the jar under {@code folder} (e.g. {@code audit}). */
    public static Templates classpath(String folder) {
        return new Templates(new ClassTemplateLoader(Templates.class.getClassLoader(), folder));
    }

    private Templates(TemplateLoader loader) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        // .ftlh selects HTML output with auto-escaping; the incompatible-improvements version turns this on.
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        // "computer" so that 1234 never prints as 1,234 and a decimal never gets rounded to 3 places.
        cfg.setNumberFormat("computer");
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        this.configuration = cfg;
    }

    private static TemplateLoader loader(Path templateDir) {
        if (templateDir == null) {
            return new ClassTemplateLoader(Templates.class.getClassLoader(), "templates");
        }
        try {
            return new FileTemplateLoader(templateDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read templates from " + templateDir, e);
        }
    }

    public String render(String name, Map<String, Object> model) {
        StringWriter out = new StringWriter(64 * 1024);
        try {
            configuration.getTemplate(name).process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load template " + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + name + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}

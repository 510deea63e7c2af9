package org.disclosurereports.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The one FreeMarker set-up of every page the program writes (HTML auto-escaping, UTF-8, exact numbers):
 * the report ({@code report.ftlh}), the year's index ({@code index.ftlh}), the unit and district
 * scorecards ({@code scorecard.ftlh}), the validation page ({@code validation.ftlh}) and the internal
 * evidence page ({@code evidence.ftlh}). The defaults are the repository's {@code templates/}, shipped in
 * the jar at classpath {@code templates/}; {@code run --templates DIR} puts a directory in front of them.
 */
public final class Templates {

    /** Where the default templates are in the jar. */
    static final String SHIPPED = "templates";

    private final Configuration configuration;
    private final Path templateDir;

    /**
     * @param templateDir a directory of templates, or null for the shipped ones alone. A page whose template
     *                    the directory lacks is rendered from the shipped one, so a copy made before a page
     *                    existed, or one that adapts a single page, keeps working.
     */
    public Templates(Path templateDir) {
        this(loader(templateDir), templateDir);
    }

    /** The templates shipped in the jar, nothing in front of them. */
    public static Templates shipped() {
        return new Templates((Path) null);
    }

    private Templates(TemplateLoader loader, Path templateDir) {
        this.templateDir = templateDir;
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
        TemplateLoader shipped = new ClassTemplateLoader(Templates.class.getClassLoader(), SHIPPED);
        if (templateDir == null) {
            return shipped;
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[]{new FileTemplateLoader(templateDir.toFile()), shipped});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read templates from " + templateDir, e);
        }
    }

    /** The file a template was read from: the --templates directory's copy, else the shipped one. */
    private String where(String name) {
        if (templateDir != null && Files.isRegularFile(templateDir.resolve(name))) {
            return templateDir.resolve(name).toString();
        }
        return SHIPPED + "/" + name + " (shipped)";
    }

    public String render(String name, Map<String, Object> model) {
        StringWriter out = new StringWriter(64 * 1024);
        try {
            configuration.getTemplate(name).process(model, out);
        } catch (ParseException e) {
            throw new TemplateBroken(where(e.getTemplateName() != null ? e.getTemplateName() : name),
                    e.getLineNumber(), e.getColumnNumber(), e.getEditorMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load template " + name, e);
        } catch (TemplateException e) {
            String source = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
            throw new TemplateBroken(where(source), e.getLineNumber() == null ? 0 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 0 : e.getColumnNumber(), e.getMessageWithoutStackTop(), e);
        }
        return out.toString();
    }
}

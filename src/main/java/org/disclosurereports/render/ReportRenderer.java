package org.disclosurereports.render;

import org.disclosurereports.core.layout.ReportFormat;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.pdf.ITextUserAgent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a report as a self-contained XHTML page and as PDF, both from {@code report.ftlh}: the PDF
 * is Flying Saucer's rendering of exactly the HTML string {@link #html} returns.
 * <p>
 * <b>Reproducible PDF.</b> The same view gives a byte-identical PDF. OpenPDF would otherwise write a
 * creation/modification date, a random file /ID and random font-subset tags; here the dates are left
 * out (the report's own period says which year it covers, and a made-up date would be a false fact),
 * the /ID is derived from a SHA-256 of the XHTML, and the subset tags are fixed per font face
 * (see {@code PdfFonts}).
 * <p>
 * Fonts: those of {@code PdfFonts}, parsed once per JVM and embedded as subsets; lines are spaced by
 * each face's line metrics, not its bounding box ({@code LineMetricsTextRenderer}), so no line is
 * painted on a page beside its own. Template: {@code report.ftlh} of the run's {@link Templates}.
 * <p>
 * An instance is safe to share between threads; each call builds its own Flying Saucer renderer, with
 * the stylesheets each thread has already parsed and the fonts every renderer shares
 * ({@code PdfDocuments}, {@code PdfFonts}).
 */
public final class ReportRenderer {

    static final String REPORT_TEMPLATE = "report.ftlh";

    private final ReportFormat format;
    private final Templates templates;

    public ReportRenderer(ReportFormat format, Templates templates) {
        this.format = Objects.requireNonNull(format, "format");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** The report page: well-formed XHTML, UTF-8, no timestamps (same view, same bytes). */
    public String html(ReportView view) {
        if (!view.format().equals(format)) {
            throw new IllegalArgumentException("view built for format " + view.format().id() + ", renderer for " + format.id());
        }
        return templates.render(REPORT_TEMPLATE, Map.of("view", view, "format", format));
    }

    /** The report as an A4 PDF with its fonts embedded. */
    public byte[] pdf(ReportView view) {
        return pdfOf(html(view));
    }

    /** The PDF of a page {@link #html} already rendered, so a report is laid out by FreeMarker once. */
    public byte[] pdf(String reportHtml) {
        return pdfOf(reportHtml);
    }

    static byte[] pdfOf(String xhtml) {
        byte[] id = Arrays.copyOf(sha256(xhtml.getBytes(StandardCharsets.UTF_8)), 16);
        ITextOutputDevice device = new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                new ITextUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL), new ITextFontResolver(),
                new ITextReplacedElementFactory(device), new LineMetricsTextRenderer());
        PdfFonts.register(renderer.getFontResolver());
        renderer.setListener(new ReproducibleInfo(id));
        PdfDocuments.shareStylesheets(renderer.getSharedContext());
        renderer.setDocument(PdfDocuments.parse(xhtml), null, new PdfDocuments.ContentKeyedStyles());
        renderer.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        try {
            renderer.createPDF(out);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF rendering failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Runs just before the document is closed, when the info dictionary is written. */
    private static final class ReproducibleInfo extends DefaultPDFCreationListener {
        private final byte[] id;

        ReproducibleInfo(byte[] id) {
            this.id = id;
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            super.onClose(renderer);
            PdfDictionary info = renderer.getWriter().getInfo();
            info.remove(PdfName.CREATIONDATE);
            info.remove(PdfName.MODDATE);
            // OpenPDF takes the trailer /ID from this key instead of drawing a random one.
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

package org.disclosurereports.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xhtmlrenderer.context.StyleReference;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.resource.XMLResource;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.EntityResolver2;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;

/**
 * What every PDF of a run has in common, prepared once instead of once per report: the parsed
 * stylesheets and a parser that does not re-read a DTD the page does not need.
 * <p>
 * <b>Stylesheets.</b> Flying Saucer parses the user-agent stylesheet and the page's {@code <style>}
 * anew for every document (each renderer has its own stylesheet cache, an inline style gets a new
 * key each time, and {@code setDocument} empties the cache). Here each thread keeps one
 * {@link StyleReference} whose cache survives documents, and an inline style is keyed by the SHA-256
 * of its text, so the same CSS is parsed once per thread and a different one (a {@code --templates}
 * override) is parsed as itself. A parsed stylesheet is only read by the matcher of each document.
 * <p>
 * <b>Parsing.</b> For a page with {@code <!DOCTYPE html>} Flying Saucer's entity resolver supplies the
 * HTML5 entity list as the external subset (60 KB), which the XML parser scans in full for every
 * report (about half of the parse). Besides the 2,000-odd named entities it declares only the content
 * models of the table elements (so whitespace between rows and cells is not text); a page without
 * named entity references (ours: FreeMarker writes {@code &lt;}, {@code &amp;}, {@code &quot;},
 * {@code &#39;}) parses to the same DOM with just those declarations, which are given here. A page
 * that does use one (an override template writing {@code &nbsp;}) is parsed by Flying Saucer's own
 * loader, as before.
 */
final class PdfDocuments {

    /** An entity reference that is neither numeric nor one of XML's five predefined entities. */
    private static final Pattern NAMED_ENTITY = Pattern.compile("&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[A-Za-z]");

    /** The element declarations of Flying Saucer's {@code resources/schema/html5/entities.dtd}, without its entities. */
    private static final String TABLE_CONTENT_MODELS = """
            <!ELEMENT table (caption?, (col*|colgroup*), thead?, tfoot?, (tbody+|tr+))>
            <!ELEMENT caption  ANY>
            <!ELEMENT thead    (tr)+>
            <!ELEMENT tfoot    (tr)+>
            <!ELEMENT tbody    (tr)+>
            <!ELEMENT colgroup (col)*>
            <!ELEMENT col      EMPTY>
            <!ELEMENT tr       (th|td)+>
            <!ELEMENT th       ANY>
            <!ELEMENT td       ANY>
            """;

    private static final ThreadLocal<StyleReference> STYLES = new ThreadLocal<>();
    private static final SAXParserFactory PARSERS = SAXParserFactory.newInstance();

    private PdfDocuments() {}

    /** The page as a DOM, parsed as Flying Saucer would (validation off, namespaces on). */
    static Document parse(String xhtml) {
        if (NAMED_ENTITY.matcher(xhtml).find()) {
            return XMLResource.load(new StringReader(xhtml)).getDocument();
        }
        XMLReader reader;
        try {
            reader = PARSERS.newSAXParser().getXMLReader();
            reader.setFeature("http://xml.org/sax/features/validation", false);
            reader.setFeature("http://xml.org/sax/features/namespaces", true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("No XML parser: " + e.getMessage(), e);
        }
        reader.setEntityResolver(new TableContentModels());
        return XMLResource.load(new SAXSource(reader, new InputSource(new StringReader(xhtml)))).getDocument();
    }

    /** Nothing outside the page is read; an {@code html} document gets the table content models as its external subset. */
    private static final class TableContentModels implements EntityResolver2 {
        @Override
        public InputSource getExternalSubset(String name, String baseURI) {
            return name.equalsIgnoreCase("html") ? new InputSource(new StringReader(TABLE_CONTENT_MODELS)) : null;
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId) {
            return new InputSource(new StringReader(""));
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));
        }
    }

    /** Gives the renderer of {@code context} this thread's stylesheets, parsed by earlier documents. */
    static void shareStylesheets(SharedContext context) {
        StyleReference styles = STYLES.get();
        if (styles == null) {
            styles = new KeptStylesheets(context.getUserAgentCallback());
            STYLES.set(styles);
        }
        // The cache is this thread's; what resolves URIs and loads resources is this renderer's.
        styles.setUserAgentCallback(context.getUserAgentCallback());
        context.setCss(styles);
    }

    /** A style reference whose parsed stylesheets outlive the document: every key names its content. */
    private static final class KeptStylesheets extends StyleReference {
        KeptStylesheets(UserAgentCallback userAgent) {
            super(userAgent);
        }

        @Override
        public void flushAllStyleSheets() {
            // Keys are the user-agent stylesheet's resource URL and the digest of each inline style,
            // so nothing cached can be stale.
        }
    }

    /** XHTML handling as Flying Saucer's, with each inline style keyed by its content. */
    static final class ContentKeyedStyles extends XhtmlNamespaceHandler {
        @Override
        protected StylesheetInfo readStyleElement(Element style) {
            StylesheetInfo info = super.readStyleElement(style);
            if (info == null || info.getContent().isEmpty()) {
                return info;
            }
            String css = info.getContent().get();
            String key = "inline:sha256:" + HexFormat.of().formatHex(ReportRenderer.sha256(css.getBytes(StandardCharsets.UTF_8)));
            return new StylesheetInfo(info.getOrigin(), key, info.getMedia(), css);
        }
    }
}

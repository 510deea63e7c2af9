package org.disclosurereports.render;

import com.lowagie.text.pdf.BaseFont;
import org.xhtmlrenderer.extend.FontContext;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextFSFontMetrics;
import org.xhtmlrenderer.pdf.ITextTextRenderer;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.FSFontMetrics;

/**
 * Flying Saucer's text measuring for OpenPDF, with a face's ascent and descent taken from its line
 * metrics (the {@code hhea} ascender and descender, which Java's and browsers' text layout use to space
 * lines) instead of its bounding box.
 * <p>
 * Flying Saucer takes them from the bounding box, the extremes over every glyph of the face. Noto Sans
 * SC's box is 2.86 em tall (−1.048 to 1.808 em), so the text of a 16 pt line reached 8.4 pt above and
 * below its 28.8 pt line box, and a line's painting bounds include that reach. A page paints every line
 * whose bounds reach into it: a line at the top of a page (a heading moved there so that it is not left
 * at the foot of the page before, most often) was painted on the page before too, and a line at the
 * foot of a page on the page after, each clipped and invisible but extracted, searched and copied a
 * second time. The line metrics (1.448 em for Noto Sans SC, 1.184 em for LXGW WenKai) fit within every
 * line of the report, and put the baseline within 0.06 em of where the bounding box put it.
 * Underline and strike-through are measured as before.
 */
final class LineMetricsTextRenderer extends ITextTextRenderer {

    @Override
    public FSFontMetrics getFSFontMetrics(FontContext context, FSFont font, String string) {
        FSFontMetrics measured = super.getFSFontMetrics(context, font, string);
        BaseFont face = ((ITextFSFont) font).getFontDescription().getFont();
        float size = font.getSize2D();
        return new ITextFSFontMetrics(
                face.getFontDescriptor(BaseFont.AWT_ASCENT, size),
                -face.getFontDescriptor(BaseFont.AWT_DESCENT, size),
                measured.getStrikethroughOffset(),
                measured.getStrikethroughThickness(),
                measured.getUnderlineOffset(),
                measured.getUnderlineThickness());
    }
}

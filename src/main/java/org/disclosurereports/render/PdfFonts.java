package org.disclosurereports.render;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import org.xhtmlrenderer.pdf.ITextFontResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;

/**
 * The PDF fonts: Noto Sans SC (TrueType outlines, so OpenPDF encodes digits and CJK correctly),
 * embedded as a subset with Identity-H.
 * <p>
 * Loaded once per JVM from the classpath ({@code com.helger.font:ph-fonts-noto-sans-sc}). The parsed
 * {@link BaseFont}s are shared by every renderer: each PDF writer keeps its own record of the glyphs
 * it used, and the font data is read from an in-memory copy, so concurrent renders do not interfere.
 * Flying Saucer also wants a file path to read the font's OS/2 metrics, hence one temporary copy per
 * face and JVM.
 */
final class PdfFonts {

    /** The CSS family name; the template's font-family must name it first. */
    static final String FAMILY = "Noto Sans SC";

    private static final String RESOURCE_DIR = "fonts/ttf/NotoSansSC/";
    private static final List<String> FACES = List.of("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf");

    private record Face(BaseFont font, String path) {}

    private static volatile List<Face> faces;

    private PdfFonts() {}

    static void register(ITextFontResolver resolver) {
        for (Face face : faces()) {
            resolver.addFont(face.font(), face.path(), null);
        }
    }

    private static List<Face> faces() {
        List<Face> loaded = faces;
        if (loaded == null) {
            synchronized (PdfFonts.class) {
                loaded = faces;
                if (loaded == null) {
                    loaded = FACES.stream().map(PdfFonts::load).toList();
                    faces = loaded;
                }
            }
        }
        return loaded;
    }

    private static Face load(String file) {
        String resource = RESOURCE_DIR + file;
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (dependency com.helger.font:ph-fonts-noto-sans-sc)");
            }
            byte[] bytes = in.readAllBytes();
            Path copy = Files.createTempFile("disclosure-reports-", "-" + file);
            copy.toFile().deleteOnExit();
            Files.write(copy, bytes);
            BaseFont font = BaseFont.createFont(copy.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            // OpenPDF draws the 6-letter subset tag from a SecureRandom; a fixed tag per face keeps
            // the PDF reproducible. Two faces get different tags, which is all a reader needs.
            font.setSecureRandom(new FixedTag(file));
            return new Face(font, copy.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + resource, e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot load font " + resource, e);
        }
    }

    /**
     * Yields the same letter on every draw (stateless, hence safe when fonts are shared between
     * threads): the subset tag becomes e.g. {@code RRRRRR+}. Not used for anything secret.
     */
    private static final class FixedTag extends SecureRandom {
        private final double value;

        FixedTag(String file) {
            super(new byte[0]);
            int letter = Math.floorMod(file.hashCode(), 26);
            this.value = (letter + 0.5) / 26.0;
        }

        @Override
        public double nextDouble() {
            return value;
        }
    }
}

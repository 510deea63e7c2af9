package org.disclosurereports.render;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import org.slf4j.LoggerFactory;
import org.xhtmlrenderer.pdf.ITextFontResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The PDF fonts, all with TrueType outlines (OpenPDF garbles CFF-based CJK fonts), embedded as
 * subsets with Identity-H:
 * <ul>
 *   <li>LXGW WenKai (霞鹜文楷, SIL Open Font License) for the body, the title and the tables: the free
 *   CJK face closest to the 仿宋/楷体 of a 公文 that has TrueType outlines and a licence that allows
 *   embedding. The free Song/Ming faces are either CFF (Noto Serif CJK, Source Han Serif), under the
 *   Arphic Public License without a font exception (AR PL UMing, SungtiL), or Japanese in their glyph
 *   forms and punctuation (HanaMin, whose 今 令 骨 角 and centred ：； read as Japanese type). Read from the Debian
 *   package {@code fonts-lxgw-wenkai}, or from the directory the system property
 *   {@value #WENKAI_DIR_PROPERTY} names; without it the page falls back to Noto Sans SC throughout.</li>
 *   <li>Noto Sans SC (OFL) for the section headings (the 黑体 of a 公文) and as that fallback.</li>
 * </ul>
 * <p>
 * Loaded once per JVM from the classpath ({@code com.helger.font:ph-fonts-noto-sans-sc}). The parsed
 * {@link BaseFont}s are shared by every renderer: each PDF writer keeps its own record of the glyphs
 * it used, and the font data is read from an in-memory copy, so concurrent renders do not interfere.
 * Flying Saucer also wants a file path to read the font's OS/2 metrics, hence one copy of each bundled
 * face under the temporary directory, shared by every run on the machine.
 */
final class PdfFonts {

    /** The CSS family names, as the fonts themselves name their family. */
    static final String FAMILY = "Noto Sans SC";
    static final String SERIF_FAMILY = "LXGW WenKai";

    static final String WENKAI_DIR_PROPERTY = "disclosure.fonts.wenkai";
    private static final String WENKAI_DEBIAN_DIR = "/usr/share/fonts/truetype/lxgw-wenkai";
    private static final List<String> WENKAI_FACES = List.of("LXGWWenKai-Regular.ttf", "LXGWWenKai-Bold.ttf");

    private static final String RESOURCE_DIR = "fonts/ttf/NotoSansSC/";
    private static final List<String> FACES = List.of("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf");
    /** Under the temporary directory: the file copies of the bundled faces ({@link #fileCopy}). */
    private static final String COPIES_DIR = "disclosure-reports-fonts";

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
                    List<Face> all = new ArrayList<>(FACES.stream().map(PdfFonts::load).toList());
                    Path dir = Path.of(System.getProperty(WENKAI_DIR_PROPERTY, WENKAI_DEBIAN_DIR));
                    if (WENKAI_FACES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
                        for (String f : WENKAI_FACES) {
                            all.add(loadFile(dir.resolve(f)));
                        }
                    } else {
                        // The pages differ from those of a machine that has the face: say so once.
                        LoggerFactory.getLogger(PdfFonts.class).warn("The PDF body face LXGW WenKai is not in {} (Debian package "
                                + "fonts-lxgw-wenkai, or -D{}=DIR): reports are set in Noto Sans SC throughout", dir, WENKAI_DIR_PROPERTY);
                    }
                    loaded = List.copyOf(all);
                    faces = loaded;
                }
            }
        }
        return loaded;
    }

    /** Whether the serif faces were found: without them every text is set in Noto Sans SC. */
    static boolean hasSerif() {
        return faces().size() > FACES.size();
    }

    private static Face loadFile(Path path) {
        try {
            return face(path.getFileName().toString(), Files.readAllBytes(path), path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + path, e);
        }
    }

    private static Face load(String file) {
        String resource = RESOURCE_DIR + file;
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (dependency com.helger.font:ph-fonts-noto-sans-sc)");
            }
            byte[] bytes = in.readAllBytes();
            return face(file, bytes, fileCopy(Path.of(System.getProperty("java.io.tmpdir"), COPIES_DIR), file, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + resource, e);
        }
    }

    /**
     * The face as a file, for Flying Saucer: one copy per face and font version in {@code dir}, named by
     * its digest and shared by every run, so that a JVM killed before its exit hooks leaves no copy of
     * its own behind. A file of that name that is not byte for byte the face (another user's, a torn
     * write) is replaced, or, where it cannot be, the JVM takes a temporary copy of its own.
     */
    static Path fileCopy(Path dir, String file, byte[] bytes) throws IOException {
        try {
            Files.createDirectories(dir);
            Path copy = dir.resolve(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16) + "-" + file);
            if (sameBytes(copy, bytes)) {
                return copy;
            }
            Path partial = Files.createTempFile(dir, file, ".partial");
            try {
                Files.write(partial, bytes);
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            if (sameBytes(copy, bytes)) {
                return copy;
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            // A temporary directory shared with others, or read-only: the copy of this JVM alone below.
        }
        Path own = Files.createTempFile("disclosure-reports-", "-" + file);
        own.toFile().deleteOnExit();
        Files.write(own, bytes);
        return own;
    }

    private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
    }

    private static Face face(String file, byte[] bytes, Path copy) {
        try {
            BaseFont font = BaseFont.createFont(copy.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            // OpenPDF draws the 6-letter subset tag from a SecureRandom; a fixed tag per face keeps
            // the PDF reproducible. Two faces get different tags, which is all a reader needs.
            font.setSecureRandom(new FixedTag(file));
            return new Face(font, copy.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + file, e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot load font " + file, e);
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

package org.disclosurereports.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides how an input CSV is encoded: UTF-8 (with or without BOM), or GB18030 as Chinese Excel saves
 * it. A file is taken as UTF-8 only if every byte decodes strictly; otherwise as GB18030 only if every
 * byte decodes strictly <em>and</em> the text reads as Chinese (a wrong guess would print mojibake in
 * a statutory report, so anything else is refused with a message naming the problem).
 */
public final class EncodingDetector {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private EncodingDetector() {}

    /** The detected charset, or {@link InputRefused} naming why the file cannot be read. */
    public static Charset detect(Path file) {
        try {
            byte[] head = readHead(file, 4);
            if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
                throw new InputRefused(file.getFileName() + " is saved as UTF-16 (\"Unicode text\"): save it as CSV UTF-8 or as CSV in GB18030/GBK");
            }
            if (decodesStrictly(file, StandardCharsets.UTF_8) == null) {
                return StandardCharsets.UTF_8;
            }
            String firstProblem = decodesStrictly(file, GB18030);
            if (firstProblem != null) {
                throw new InputRefused(file.getFileName() + " is neither UTF-8 nor GB18030 text (" + firstProblem
                        + "): save it from Excel as \"CSV UTF-8\" or pass --encoding");
            }
            if (!readsAsChinese(file, GB18030)) {
                throw new InputRefused(file.getFileName() + " is not valid UTF-8, and read as GB18030 it does not look like Chinese text:"
                        + " the encoding cannot be determined safely; save it as \"CSV UTF-8\" or pass --encoding");
            }
            return GB18030;
        } catch (IOException e) {
            throw new InputRefused("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * The charset an operator forced with {@code --encoding}, after the same checks a detected one passes:
     * the file must decode strictly in it and read as Chinese text, and a file that is Chinese UTF-8 is not
     * read as anything else (UTF-8 bytes of Chinese text are often valid GB18030, and read so they are mojibake).
     */
    public static Charset checkForced(Path file, Charset forced) {
        try {
            String problem = decodesStrictly(file, forced);
            if (problem != null) {
                throw new InputRefused(file.getFileName() + " is not " + forced.name() + " text (" + problem
                        + "), though --encoding " + forced.name() + " was given: save it in that encoding or drop --encoding");
            }
            if (!forced.equals(StandardCharsets.UTF_8) && hasNonAscii(file) && decodesStrictly(file, StandardCharsets.UTF_8) == null
                    && readsAsChinese(file, StandardCharsets.UTF_8)) {
                throw new InputRefused(file.getFileName() + " is UTF-8 Chinese text; read as " + forced.name()
                        + " (--encoding) it would be garbled: drop --encoding, or save the file in " + forced.name());
            }
            if (hasNonAscii(file) && !readsAsChinese(file, forced)) {
                throw new InputRefused(file.getFileName() + " read as " + forced.name() + " (--encoding) does not look like Chinese text:"
                        + " it would be garbled; drop --encoding to detect the encoding, or save the file as \"CSV UTF-8\"");
            }
            return forced;
        } catch (IOException e) {
            throw new InputRefused("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static boolean hasNonAscii(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] < 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isCommonHanzi(CharsetEncoder gb2312, int cp) {
        if (Character.charCount(cp) != 1 || !gb2312.canEncode((char) cp)) {
            return false;
        }
        try {
            ByteBuffer bytes = gb2312.encode(CharBuffer.wrap(new char[] {(char) cp}));
            int lead = bytes.get(0) & 0xFF;
            return lead >= 0xB0 && lead <= 0xD7;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] readHead(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    /** Null when the whole file decodes; otherwise where it first fails. */
    static String decodesStrictly(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long offset = 0;
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            int n;
            boolean eof = false;
            while (!eof) {
                n = stream.read(chunk, 0, in.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    in.put(chunk, 0, n);
                }
                in.flip();
                int before = in.position();
                CoderResult r = decoder.decode(in, out, eof);
                if (r.isError()) {
                    return "bad byte sequence at byte " + (offset + in.position());
                }
                offset += in.position() - before;
                out.clear();
                in.compact();
            }
            CoderResult r = decoder.flush(out);
            if (r.isError()) {
                return "truncated character at the end";
            }
        }
        return null;
    }

    /**
     * Most non-ASCII characters of genuine Chinese text are CJK ideographs or CJK/full-width
     * punctuation; UTF-8 of other scripts misread as GB18030 mostly is not.
     */
    static boolean readsAsChinese(Path file, Charset charset) throws IOException {
        // A sample is enough to tell Chinese text from misread bytes; large files are not read twice whole.
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(4 * 1024 * 1024);
        }
        String text = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.IGNORE)
                .onUnmappableCharacter(CodingErrorAction.IGNORE)
                .decode(ByteBuffer.wrap(sample)).toString();
        long nonAscii = 0;
        long chinese = 0;
        long han = 0;
        long common = 0;
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                continue;
            }
            nonAscii++;
            Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                chinese++;
                han++;
                if (isCommonHanzi(gb2312, cp)) {
                    common++;
                }
            } else if (b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                    || b == Character.UnicodeBlock.GENERAL_PUNCTUATION) {
                chinese++;
            }
        }
        // Bytes of another script misread as GB18030 also decode to ideographs, but mostly rare ones;
        // real Chinese text is overwhelmingly made of the 3,755 common characters (GB2312 level 1).
        if (han > 0 && common * 10 < han * 8) {
            return false;
        }
        return nonAscii == 0 || chinese * 10 >= nonAscii * 9;
    }
}

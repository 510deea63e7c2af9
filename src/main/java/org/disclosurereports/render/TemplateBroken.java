package org.disclosurereports.render;

/**
 * A page template that cannot be parsed or fails while rendering: the fault is the template's, not the
 * data's, so it is reported naming the file and the line, and every report it renders fails alike.
 */
public final class TemplateBroken extends IllegalStateException {

    /** The message's opening words, by which a recorded reason is recognised as a template fault. */
    public static final String PREFIX = "template ";

    private final String file;
    private final int line;

    public TemplateBroken(String file, int line, int column, String problem, Throwable cause) {
        super(PREFIX + file + ", line " + line + ", column " + column + ": " + firstLine(problem), cause);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** FreeMarker's messages run to a stack of template frames; the first line says what is wrong. */
    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}

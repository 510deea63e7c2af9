package org.disclosurereports.outputs.office;

/** Text for the XML parts of the office files, which are written as strings. */
final class Xml {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private Xml() {}

    /**
     * Appends text escaped for element content and for double-quoted attribute values alike. Line
     * breaks and tabs become character references so an attribute keeps them; a character XML 1.0
     * cannot hold (a control character in a name from an input file) becomes U+FFFD rather than a
     * file Word or Excel refuses to open.
     */
    static StringBuilder escaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return out;
    }

    /** True when the text needs {@code xml:space="preserve"} to keep its leading or trailing spaces. */
    static boolean needsPreserve(String text) {
        return !text.isEmpty() && (isSpace(text.charAt(0)) || isSpace(text.charAt(text.length() - 1)));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** A number as a cell value or measure: whole numbers without a fraction, others as Java prints a double. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}

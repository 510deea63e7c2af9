package org.disclosurereports.inputs;

import java.util.function.Supplier;

/**
 * A row's original text, as a rejection shows it ({@link Rejection#echo}). A reader may give what makes
 * the text instead of the text: it is made when a rejection asks for it, since nearly every row loads
 * and printing each one again was a tenth of a night's loads.
 */
public final class RowText {

    private Supplier<String> source;
    private String text;

    private RowText(String text, Supplier<String> source) {
        this.text = text;
        this.source = source;
    }

    public static RowText of(String text) {
        return new RowText(Rejection.echo(text), null);
    }

    /** Text made from {@code source} when first asked for; a row is read and checked on one thread. */
    public static RowText later(Supplier<String> source) {
        return new RowText(null, source);
    }

    public String text() {
        if (source != null) {
            text = Rejection.echo(source.get());
            source = null;
        }
        return text;
    }

    @Override
    public String toString() {
        return text();
    }
}

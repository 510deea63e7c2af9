package org.disclosurereports.inputs.published;

import java.nio.file.Path;
import java.util.List;

/**
 * A published report as read, before any label is matched: its title, its tables and the text around
 * them (the paragraphs, for the numbers the narrative quotes).
 *
 * @param kind "html" or "pdf"
 */
public record PublishedDocument(Path file, String kind, String title, List<TextGrid> tables, List<Paragraph> paragraphs) {

    /** A paragraph of text outside the tables; {@code page} 0 for HTML. */
    public record Paragraph(int page, String text) {}

    public PublishedDocument {
        tables = List.copyOf(tables);
        paragraphs = List.copyOf(paragraphs);
    }
}

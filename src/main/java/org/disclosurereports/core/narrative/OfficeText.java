package org.disclosurereports.core.narrative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a disclosure office writes itself: one text per passage ({@link Slot}), read from the data
 * directory by the input side ({@code <data>/narrative/<agency_code>/<year>/<file>}). Paragraphs are separated by a blank line; the lines of
 * a paragraph are joined (Chinese text has no spaces between lines); lines starting with {@code #} are
 * notes to the office and are not printed. A missing or empty file leaves the passage to be written.
 */
public final class OfficeText {

    /** The passages an office writes, by file name; those within section 一 by the layout's key of their sub-section. */
    public enum Slot {
        /** 总体情况: an opening paragraph before （一）. */
        OVERVIEW("overview.md", null, "一、总体情况（开篇）"),
        /** 总体情况 （三）政府信息管理. */
        INFORMATION_MANAGEMENT("information-management.md", "information_management", "（三）政府信息管理"),
        /** 总体情况 （四）政府信息公开平台建设. */
        PLATFORMS("platforms.md", "platforms", "（四）政府信息公开平台建设"),
        /** 总体情况 （五）监督保障, after the generated training and hearing figures. */
        SUPERVISION("supervision.md", "supervision", "（五）监督保障"),
        /** 五、存在的主要问题及改进情况. */
        PROBLEMS("problems.md", null, "五、存在的主要问题及改进情况"),
        /** 六、其他需要报告的事项, after the generated fee, reply-time and work-plan paragraphs. */
        OTHER("other.md", null, "六、其他需要报告的事项");

        private final String fileName;
        private final String overviewSlot;
        private final String label;

        Slot(String fileName, String overviewSlot, String label) {
            this.fileName = fileName;
            this.overviewSlot = overviewSlot;
            this.label = label;
        }

        /** Where the passage stands in the report, as a Chinese page names it. */
        public String label() {
            return label;
        }

        public String fileName() {
            return fileName;
        }

        /** The passage written for the layout's sub-section {@code key} of section 一, if the office writes one. */
        public static Optional<Slot> ofOverviewSlot(String key) {
            return Arrays.stream(values()).filter(s -> s.overviewSlot != null && s.overviewSlot.equals(key)).findFirst();
        }
    }

    private final Map<Slot, List<String>> paragraphs;

    private OfficeText(Map<Slot, List<String>> paragraphs) {
        this.paragraphs = paragraphs;
    }

    public static OfficeText none() {
        return new OfficeText(new EnumMap<>(Slot.class));
    }

    /** The office's texts as read, file content by slot; a slot missing or with no paragraph is left to be written. */
    public static OfficeText of(Map<Slot, String> texts) {
        Map<Slot, List<String>> m = new EnumMap<>(Slot.class);
        texts.forEach((slot, text) -> {
            List<String> ps = paragraphs(text);
            if (!ps.isEmpty()) {
                m.put(slot, ps);
            }
        });
        return new OfficeText(m);
    }

    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.replace("\uFEFF", "").split("\\R", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            current.append(line);
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return List.copyOf(out);
    }

    public Optional<List<String>> get(Slot slot) {
        return Optional.ofNullable(paragraphs.get(slot));
    }

    /** All of a slot's text, paragraphs joined by a newline; empty when not written. */
    public String text(Slot slot) {
        return String.join("\n", paragraphs.getOrDefault(slot, List.of()));
    }
}

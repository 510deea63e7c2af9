package org.disclosurereports.inputs.published;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a published report's text is compared with the layout's labels and read as a number: width forms
 * folded (NFKC: （一） and (一), １２ and 12 are one), every kind of space dropped (Word and CMS editors
 * scatter {@code &nbsp;}, ideographic spaces and line breaks inside cells), quotes and dashes unified.
 */
public final class Labels {

    private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u3000\\ufeff]+");
    private static final Pattern QUOTES = Pattern.compile("[\"'“”‘’「」『』]");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?|-?\\d+(\\.\\d+)?");
    private static final Pattern REMARK = Pattern.compile("\\([^()]*\\)");
    /** How published tables mark a blank cell, after {@link #normalize}. */
    private static final List<String> BLANK_MARKS = List.of("", "-", "—", "--", "——", "/", "\\", "─", "–", "无");

    private Labels() {}

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = SPACE.matcher(s).replaceAll("");
        s = QUOTES.matcher(s).replaceAll("");
        return s.replace('．', '.').replace('。', '.').replace('﹒', '.');
    }

    /** The label without its parenthesised remarks: （二）部分公开（区分处理的，…） becomes (二)部分公开. */
    public static String withoutRemarks(String normalized) {
        String s = normalized;
        // Keep a leading ordinal such as (二): only remarks after some text are dropped.
        int start = s.startsWith("(") ? Math.max(0, s.indexOf(')') + 1) : 0;
        return s.substring(0, start) + REMARK.matcher(s.substring(start)).replaceAll("");
    }

    /** True when a normalized cell states no figure: empty or one of the blank marks. */
    public static boolean isBlank(String normalized) {
        return BLANK_MARKS.contains(normalized);
    }

    /** The number a normalized cell states exactly (thousands separators allowed), or null. */
    public static BigDecimal number(String normalized) {
        if (!NUMBER.matcher(normalized).matches()) {
            return null;
        }
        return new BigDecimal(normalized.replace(",", ""));
    }

    /** True when a printed label (normalized) names the layout label: the same text, or ending with it, remarks aside. */
    public static boolean names(String printed, String layoutLabel) {
        String label = normalize(layoutLabel);
        if (label.isEmpty()) {
            return false;
        }
        if (printed.endsWith(label)) {
            return true;
        }
        String bare = withoutRemarks(label);
        return !bare.isEmpty() && withoutRemarks(printed).endsWith(bare);
    }
}

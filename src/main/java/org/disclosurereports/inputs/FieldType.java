package org.disclosurereports.inputs;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one column of an input file is read. {@link #parse} either returns the typed value stored in
 * the database or throws {@link Problem} with a reason a disclosure office can act on.
 */
public interface FieldType {

    Object parse(String value) throws Problem;

    /** A value that breaks a rule of the data contract; the message is the reject reason. */
    final class Problem extends Exception {
        public Problem(String reason) {
            super(reason, null, false, false);
        }
    }

    FieldType TEXT_SHORT = text(200);

    static FieldType text(int maxLength) {
        return new Text(maxLength);
    }

    /**
     * Text of at most {@code maxLength} characters, counted as the database column counts them:
     * a VARCHAR of MySQL's utf8mb4 counts code points, H2's counts UTF-16 units, so a character
     * outside the Basic Multilingual Plane (an emoji, a rare 汉字 of CJK Extension B) counts twice
     * and the text fits both.
     */
    record Text(int maxLength) implements FieldType {
        @Override
        public Object parse(String v) throws Problem {
            if (v.length() > maxLength) {
                throw new Problem("longer than " + maxLength + " characters"
                        + (v.codePointCount(0, v.length()) <= maxLength ? " (a character outside the Basic Multilingual Plane counts as two)" : ""));
            }
            return v;
        }
    }

    /**
     * agency_code: letters, digits, '-' and '_', at most 64. A code names its report's folder, so it is none
     * of the folders the program writes beside the reports ({@code rejects}) and none of the names Windows
     * reserves for devices ({@code CON}, {@code NUL}, {@code COM1}…), in any case.
     */
    FieldType CODE = new FieldType() {
        private final Pattern pattern = Pattern.compile("[A-Za-z0-9_-]{1,64}");
        private final Pattern reserved = Pattern.compile("rejects|con|prn|aux|nul|com[0-9]|lpt[0-9]", Pattern.CASE_INSENSITIVE);

        @Override
        public Object parse(String v) throws Problem {
            if (!pattern.matcher(v).matches()) {
                throw new Problem(v.length() > 64 ? "longer than 64 characters"
                        : "may contain only letters, digits, '-' and '_'");
            }
            if (reserved.matcher(v).matches()) {
                throw new Problem("is a folder name the program or Windows reserves; choose another code");
            }
            return v;
        }
    };

    /** Dates as YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日; the day must exist. */
    FieldType DATE = new FieldType() {
        private final Pattern pattern = Pattern.compile("(\\d{4})(?:-(\\d{1,2})-(\\d{1,2})|/(\\d{1,2})/(\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日)");

        @Override
        public Object parse(String v) throws Problem {
            Matcher m = pattern.matcher(v);
            if (!m.matches()) {
                throw new Problem("not a date: use YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日");
            }
            int year = Integer.parseInt(m.group(1));
            int group = m.group(2) != null ? 2 : m.group(4) != null ? 4 : 6;
            try {
                return LocalDate.of(year, Integer.parseInt(m.group(group)), Integer.parseInt(m.group(group + 1)));
            } catch (DateTimeException e) {
                throw new Problem("no such day in the calendar");
            }
        }
    };

    /** Y/N (also 是/否). */
    FieldType YES_NO = v -> switch (v) {
        case "Y", "y", "是" -> Boolean.TRUE;
        case "N", "n", "否" -> Boolean.FALSE;
        default -> throw new Problem("must be Y or N");
    };

    /** A four-digit year. */
    FieldType YEAR = v -> {
        if (!v.matches("\\d{4}")) {
            throw new Problem("must be a 4-digit year");
        }
        return Integer.parseInt(v);
    };

    /**
     * A whole number or decimal that fits a {@code DECIMAL(precision, scale)} column: at most {@code scale}
     * decimals and {@code precision - scale} digits before the point; not negative, plain notation.
     */
    static FieldType decimal(int precision, int scale) {
        return new Decimal(precision, scale, false);
    }

    /** As {@link #decimal}, negative values allowed (a leading minus sign): for figures a layout lets fall. */
    static FieldType signedDecimal(int precision, int scale) {
        return new Decimal(precision, scale, true);
    }

    record Decimal(int precision, int scale, boolean signed) implements FieldType {
        private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?");

        @Override
        public Object parse(String v) throws Problem {
            if (v.startsWith("-") && !signed) {
                throw new Problem("must not be negative");
            }
            if (!PLAIN.matcher(signed && v.startsWith("-") ? v.substring(1) : v).matches()) {
                throw new Problem("not a plain number (digits and an optional decimal point, no separators)");
            }
            BigDecimal d = new BigDecimal(v);
            if (d.scale() > scale) {
                throw new Problem(scale == 0 ? "must be a whole number" : "more than " + scale + " decimals");
            }
            if (d.precision() - d.scale() > precision - scale) {
                throw new Problem("too large: at most " + (precision - scale) + " digits before the decimal point");
            }
            return d;
        }
    }

    /** Digits a {@link #COUNT} may have: any such number fits a BIGINT column. */
    int COUNT_DIGITS = 12;

    /** A whole number ≥ 0, stored in a BIGINT column. */
    FieldType COUNT = v -> {
        if (!v.matches("\\d+")) {
            throw new Problem("must be a whole number ≥ 0");
        }
        if (v.replaceFirst("^0+(?=.)", "").length() > COUNT_DIGITS) {
            throw new Problem("too large: at most " + COUNT_DIGITS + " digits");
        }
        return Long.parseLong(v);
    };

    /**
     * An enumerated value, accepted as its English key or its exact Chinese label, stored as the key.
     *
     * @param choices key to label, in the order they are listed in messages
     */
    static FieldType vocabulary(Map<String, String> choices) {
        return vocabulary(choices, Map.of());
    }

    /** As {@link #vocabulary(Map)}, also accepting {@code aliases} (alias to key). */
    static FieldType vocabulary(Map<String, String> choices, Map<String, String> aliases) {
        Map<String, String> accepted = new LinkedHashMap<>(aliases);
        choices.forEach((key, label) -> {
            accepted.put(key, key);
            accepted.put(label, key);
        });
        String listing = String.join(" · ", choices.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
        return v -> {
            String key = accepted.get(v);
            if (key == null) {
                throw new Problem("not one of: " + listing);
            }
            return key;
        };
    }

    /** A ';'-separated list, each item one of {@code allowed} (stored as written, normalised separators). */
    static FieldType list(List<String> allowed) {
        return v -> {
            StringBuilder normalised = new StringBuilder();
            for (String item : v.split("[;；]")) {
                String t = item.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (!allowed.contains(t)) {
                    throw new Problem("'" + t + "' is not one of: " + String.join(" · ", allowed));
                }
                if (!normalised.isEmpty()) {
                    normalised.append(';');
                }
                normalised.append(t);
            }
            return normalised.toString();
        };
    }
}

package org.disclosurereports.core.narrative;

import java.util.HashMap;
import java.util.Map;

/**
 * How alike two passages are, for the 年年雷同 check: both are normalised (whitespace, punctuation,
 * digits and years removed, so changing "2023年" to "2024年" does not make a text new) and compared as
 * multisets of character bigrams (Dice coefficient: 1 for identical texts, 0 for nothing in common).
 */
public final class TextSimilarity {

    private TextSimilarity() {}

    static String normalise(String s) {
        return s.replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}\\d０-９]", "").replace("年度", "").replace("年", "");
    }

    public static double dice(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.length() < 2 || y.length() < 2) {
            return x.equals(y) ? 1.0 : 0.0;
        }
        Map<String, Integer> bx = bigrams(x);
        Map<String, Integer> by = bigrams(y);
        int common = 0;
        for (Map.Entry<String, Integer> e : bx.entrySet()) {
            common += Math.min(e.getValue(), by.getOrDefault(e.getKey(), 0));
        }
        return 2.0 * common / ((x.length() - 1) + (y.length() - 1));
    }

    private static Map<String, Integer> bigrams(String s) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            m.merge(s.substring(i, i + 2), 1, Integer::sum);
        }
        return m;
    }
}

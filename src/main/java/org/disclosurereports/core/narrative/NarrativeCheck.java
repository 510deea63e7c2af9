package org.disclosurereports.core.narrative;


import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of a report's narrative, written as {@code narrative-check.json} beside the report:
 * <ul>
 *   <li>{@code overview_too_long}: 总体情况 (generated and written text together, whitespace not
 *       counted) longer than {@value #OVERVIEW_LIMIT} characters;</li>
 *   <li>{@code problems_repeat_last_year}: section 五 as written this year is {@value #REPEAT_THRESHOLD}
 *       or more alike last year's ({@link TextSimilarity}) — the notice forbids 年年雷同;</li>
 *   <li>{@code number_not_in_tables}: a number followed by 件 in office-written text that equals no
 *       cell of the report's tables and no generated figure. Generated figures equal their cells by
 *       construction (rule F); office text cannot be parsed for meaning, so this check is deliberately
 *       modest: it catches a restated count that matches nothing, it cannot prove a match is the right cell.</li>
 *   <li>{@code repeated_sentence}: a sentence of office-written text (at least {@value #REPEAT_MIN_CHARACTERS}
 *       characters, whitespace not counted) that stands twice or more in the same passage: padding, or a
 *       paste gone wrong.</li>
 * </ul>
 * Findings are warnings: they do not make a report a draft; passages still to be written do.
 */
public final class NarrativeCheck {

    public static final int OVERVIEW_LIMIT = 1000;
    public static final double REPEAT_THRESHOLD = 0.85;
    private static final Pattern COUNT = Pattern.compile("(\\d+)\\s*件");
    /** Shorter sentences (无。 同上。) may well recur. */
    public static final int REPEAT_MIN_CHARACTERS = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；])");

    public record Finding(String code, String section, String message) {}

    private NarrativeCheck() {}

    public static List<Finding> check(ReportNarrative narrative, OfficeText thisYear, OfficeText lastYear, Set<BigDecimal> tableValues) {
        List<Finding> findings = new ArrayList<>();
        int overview = overviewLength(narrative);
        if (overview > OVERVIEW_LIMIT) {
            findings.add(new Finding("overview_too_long", "overview",
                    "总体情况共" + overview + "字，超过" + OVERVIEW_LIMIT + "字：请精简"));
        }
        String problems = thisYear.text(OfficeText.Slot.PROBLEMS);
        String before = lastYear.text(OfficeText.Slot.PROBLEMS);
        if (!problems.isEmpty() && !before.isEmpty()) {
            double sim = TextSimilarity.dice(problems, before);
            if (sim >= REPEAT_THRESHOLD) {
                findings.add(new Finding("problems_repeat_last_year", "problems",
                        "“存在的主要问题及改进情况”与上年度文本相似度" + Math.round(sim * 100) + "%，不得照搬上年度内容"));
            }
        }
        Set<BigDecimal> known = new HashSet<>();
        tableValues.forEach(v -> known.add(v.stripTrailingZeros()));
        narrative.figures().forEach(f -> {
            try {
                known.add(new BigDecimal(f.value()).stripTrailingZeros());
            } catch (NumberFormatException ignored) {
                // a figure that is not a number (none today) cannot be compared
            }
        });
        for (OfficeText.Slot slot : OfficeText.Slot.values()) {
            Matcher m = COUNT.matcher(thisYear.text(slot));
            while (m.find()) {
                BigDecimal n = new BigDecimal(m.group(1)).stripTrailingZeros();
                if (!known.contains(n)) {
                    findings.add(new Finding("number_not_in_tables", slot.fileName(),
                            "“" + slot.label() + "”中“" + m.group() + "”与本报告表格和生成数字均不一致：请核对"));
                }
            }
        }
        for (OfficeText.Slot slot : OfficeText.Slot.values()) {
            repeatedSentences(slot, thisYear.text(slot), findings);
        }
        return findings;
    }

    private static void repeatedSentences(OfficeText.Slot slot, String text, List<Finding> findings) {
        Map<String, Integer> times = new LinkedHashMap<>();
        for (String sentence : SENTENCE_END.split(text)) {
            String s = sentence.replaceAll("\\s", "");
            if (s.codePointCount(0, s.length()) >= REPEAT_MIN_CHARACTERS) {
                times.merge(s, 1, Integer::sum);
            }
        }
        times.forEach((sentence, n) -> {
            if (n > 1) {
                String shown = sentence.codePointCount(0, sentence.length()) > 30
                        ? sentence.substring(0, sentence.offsetByCodePoints(0, 30)) + "…" : sentence;
                findings.add(new Finding("repeated_sentence", slot.fileName(),
                        "“" + slot.label() + "”中同一句话出现" + n + "次：“" + shown + "”：请删去重复内容"));
            }
        });
    }

    /** Characters of section 一 as printed, whitespace not counted. */
    public static int overviewLength(ReportNarrative narrative) {
        StringBuilder sb = new StringBuilder();
        for (ReportNarrative.Paragraph p : narrative.section("overview")) {
            if (p.heading() != null) {
                sb.append(p.heading());
            }
            sb.append(p.text());
        }
        return sb.toString().replaceAll("\\s", "").codePointCount(0, sb.toString().replaceAll("\\s", "").length());
    }

    public static Map<String, Object> json(String agencyCode, int year, ReportNarrative narrative, List<Finding> findings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", "narrative-check/v1");
        m.put("agency_code", agencyCode);
        m.put("year", year);
        m.put("draft", narrative.isDraft());
        m.put("to_write", narrative.toWrite());
        m.put("overview_characters", overviewLength(narrative));
        List<Map<String, String>> fs = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, String> x = new LinkedHashMap<>();
            x.put("code", f.code());
            x.put("section", f.section());
            x.put("message", f.message());
            fs.add(x);
        }
        m.put("findings", fs);
        return m;
    }
}

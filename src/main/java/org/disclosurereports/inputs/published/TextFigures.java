package org.disclosurereports.inputs.published;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a report's text quotes about its tables (rule F), found by the layout's own labels: a
 * count ({@code N件}) or an amount ({@code N万元}) is taken to state the cells whose label stands
 * closest before it in the same clause (本年新收政府信息公开申请15件 → table 三's 本年新收 总计; 现行有效行政规范性文件
 * 393件 → table 二's 行政规范性文件 现行有效件数; 不予公开3件 → the sum of the rows under （三）不予公开). A number
 * no label stands before is not a figure of the tables and is left alone.
 */
final class TextFigures {

    private static final Pattern FIGURE = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(件|万元)");
    private static final Pattern CLAUSE_END = Pattern.compile("[，,。；;：:！？!?]");
    private static final Pattern ORDINAL = Pattern.compile("^([一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\)|\\d+\\.)");

    /** A phrase of the text and the cells it stands for; {@code second}, when set, must be in the clause too. */
    private record Phrase(String words, String second, List<String> cells, boolean amount) {}

    private final List<Phrase> phrases = new ArrayList<>();

    TextFigures(ReportFormat format) {
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                for (ReportFormat.Column c : block.columns()) {
                    String cell = CellRef.of("table2", row.key(), c.key()).toString();
                    String column = Labels.withoutRemarks(Labels.normalize(c.label())).replaceAll("^本年|件数$|数量$", "");
                    phrases.add(new Phrase(Labels.normalize(row.label()), block.columns().size() > 1 ? column : null,
                            List.of(cell), c.decimal()));
                }
            }
        }
        GridShape s3 = format.table3Shape();
        String total3 = s3.columns().get(s3.columns().size() - 1).key();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (GridShape.Row r : s3.rows()) {
            add(core(r.label()), List.of(CellRef.of("table3", r.key(), total3).toString()));
            for (String g : r.groups()) {
                groups.computeIfAbsent(g, k -> new ArrayList<>()).add(CellRef.of("table3", r.key(), total3).toString());
            }
        }
        groups.forEach((label, cells) -> add(core(label), cells));
        GridShape s4 = format.table4Shape();
        String total4 = s4.columns().get(s4.columns().size() - 1).key();
        Map<String, List<String>> kindGroups = new LinkedHashMap<>();
        for (ReportFormat.Column kind : format.table4().kinds()) {
            add(Labels.normalize(kind.label()), List.of(CellRef.of("table4", kind.key(), total4).toString()));
            if (kind.group() != null) {
                kindGroups.computeIfAbsent(kind.group(), k -> new ArrayList<>()).add(CellRef.of("table4", kind.key(), total4).toString());
            }
        }
        kindGroups.forEach((label, cells) -> add(Labels.normalize(label), cells));
    }

    /** A label as a text says it: without its ordinal, remarks, and table 三's "政府信息公开申请数量". */
    private static String core(String label) {
        String s = Labels.withoutRemarks(Labels.normalize(label));
        s = ORDINAL.matcher(s).replaceFirst("");
        return s.replace("政府信息公开申请数量", "").replace("继续办理", "");
    }

    private void add(String words, List<String> cells) {
        // Two-character labels (其他, 总计) stand inside too many other phrases (法人或其他组织) to be told apart.
        if (words.length() >= 3) {
            phrases.add(new Phrase(words, null, List.copyOf(cells), false));
        }
    }

    List<PublishedTables.TextFigure> find(List<PublishedDocument.Paragraph> paragraphs) {
        List<PublishedTables.TextFigure> figures = new ArrayList<>();
        for (PublishedDocument.Paragraph p : paragraphs) {
            String text = Normalizer.normalize(p.text(), Normalizer.Form.NFKC);
            Matcher m = FIGURE.matcher(text);
            int clauseStart = 0;
            while (m.find()) {
                int sentenceStart = clauseStart(text, m.start(), 0);
                String before = words(text.substring(Math.max(sentenceStart, Math.min(clauseStart, m.start())), m.start()));
                String sentence = words(text.substring(sentenceStart, m.start()));
                Phrase phrase = closest(before, sentence, m.group(3).equals("万元"));
                if (phrase == null) {
                    continue;
                }
                BigDecimal value = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
                figures.add(new PublishedTables.TextFigure(phrase.cells(), value, quote(text, m.start(), m.end())));
                clauseStart = m.end();
            }
        }
        return figures;
    }

    /** Where the clause holding position {@code at} begins: after the last clause mark before it. */
    private static int clauseStart(String text, int at, int from) {
        int start = from;
        Matcher end = CLAUSE_END.matcher(text);
        while (end.find() && end.start() < at) {
            start = Math.max(start, end.end());
        }
        return start;
    }

    /** Text as compared with the phrases: 本年度 and 本年 say the same. */
    private static String words(String text) {
        return Labels.normalize(text).replace("本年度", "本年");
    }

    /**
     * The phrase standing closest before the number: its words after the last figure read ({@code before}),
     * a column word of table 二 anywhere in the clause ({@code sentence}: 制发规章0件、行政规范性文件3件).
     */
    private Phrase closest(String before, String sentence, boolean amount) {
        Phrase best = null;
        int bestEnd = -1;
        for (Phrase p : phrases) {
            if (p.amount() != amount) {
                continue;
            }
            int at = before.lastIndexOf(p.words());
            if (at < 0 || (p.second() != null && !sentence.contains(p.second()))) {
                continue;
            }
            int end = at + p.words().length();
            boolean tie = best != null && end == bestEnd && p.words().length() == best.words().length();
            // Of two columns of one row (制发, 废止), the one named last in the clause.
            if (tie && p.second() != null && sentence.lastIndexOf(p.second()) > sentence.lastIndexOf(best.second())) {
                best = p;
            } else if (end > bestEnd || (end == bestEnd && p.words().length() > best.words().length())) {
                best = p;
                bestEnd = end;
            }
        }
        return best;
    }

    private static String quote(String text, int from, int to) {
        int start = Math.max(0, from - 24);
        int end = Math.min(text.length(), to + 8);
        return (start > 0 ? "…" : "") + text.substring(start, end).strip() + (end < text.length() ? "…" : "");
    }
}

package org.disclosurereports.render;

import org.disclosurereports.core.counting.AppealCounter;
import org.disclosurereports.core.counting.ApplicationCounter;
import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.counting.ProactiveCounter;
import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.records.AppealCase;
import org.disclosurereports.core.records.Application;
import org.disclosurereports.core.records.Disclosure;
import org.disclosurereports.core.records.Document;
import org.disclosurereports.core.records.EnforcementFigure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Realistic reports built through the real counters from records, so that every figure a test
 * checks went through counting and totalling. Leaf cells of table 三 get distinct counts, so a
 * figure printed in the wrong cell cannot pass by coincidence.
 */
public final class RenderFixtures {

    public static final int YEAR = 2023;
    public static final ReportFormat FORMAT = ReportFormat.current();

    private RenderFixtures() {}

    public static Agency agency() {
        return new Agency("QP-LT", "上海市青浦区练塘镇人民政府", "QP", "镇",
                "https://www.example.gov.cn/lt/xxgk/ndbg/", "练塘镇人民政府党政办公室",
                "上海市青浦区练塘镇章练塘路1号", "021-00000000");
    }

    static Agency agencyWithoutContacts() {
        return new Agency("QP-LT", "上海市青浦区练塘镇人民政府", "QP", "镇", null, null, null, null);
    }

    /** Fees 5949.088667 万元, 信息处理费 120.50 元, thousands of applications. */
    public static StatutoryTables tables() {
        return tables("QP-LT", "上海市青浦区练塘镇人民政府", StatutoryTables.SCOPE_AGENCY, 1, new BigDecimal("60.25"));
    }

    /**
     * @param scale  multiplies the number of applications and cases (1 = the standard fixture)
     * @param feeEach 信息处理费 charged on each of two applications (null: none charged)
     */
    public static StatutoryTables tables(String code, String name, String scope, int scale, BigDecimal feeEach) {
        ReportYear year = new ReportYear(YEAR);
        ApplicationCounter applications = new ApplicationCounter(year, FORMAT.table3Shape(), Evidence.NONE);
        GridShape t3 = FORMAT.table3Shape();
        List<String> applicants = t3.columns().stream().filter(c -> !c.computed()).map(ReportFormat.Column::key).toList();
        int id = 0;
        List<GridShape.Row> outcomes = t3.outcomeRows();
        for (int i = 0; i < outcomes.size(); i++) {
            for (int j = 0; j < applicants.size(); j++) {
                int n = (1 + i * applicants.size() + j) * scale;
                for (int k = 0; k < n; k++) {
                    // every fifth one arrived the year before: carried over into the report year
                    LocalDate received = k % 5 == 0 ? LocalDate.of(YEAR - 1, 12, 1 + k % 28) : LocalDate.of(YEAR, 1 + k % 12, 1 + k % 28);
                    LocalDate closed = LocalDate.of(YEAR, 12, 31).minusDays(k % 20);
                    if (closed.isBefore(received)) {
                        closed = received;
                    }
                    BigDecimal fee = feeEach != null && i == 0 && j == 1 && k < 2 ? feeEach : null;
                    applications.accept(new Application(code, "A" + id++, received, applicants.get(j), closed,
                            outcomes.get(i).key(), false, fee));
                }
            }
        }
        for (int j = 0; j < applicants.size(); j++) {
            for (int k = 0; k < (2 + 3 * j) * scale; k++) {
                LocalDate received = k % 4 == 0 ? LocalDate.of(YEAR - 1, 11, 20) : LocalDate.of(YEAR, 12, 1 + k % 28);
                applications.accept(new Application(code, "A" + id++, received, applicants.get(j), null, null, null, null));
            }
        }

        AppealCounter appeals = new AppealCounter(year, FORMAT.table4Shape(), Evidence.NONE);
        int[][] cases = {{3, 1, 2, 4}, {5, 0, 7, 6}, {8, 11, 9, 12}};
        String[] results = {"upheld", "corrected", "other", null};
        List<String> kinds = FORMAT.table4Shape().rowKeys();
        int caseId = 0;
        for (int kind = 0; kind < kinds.size(); kind++) {
            for (int r = 0; r < results.length; r++) {
                for (int k = 0; k < cases[kind][r] * scale; k++) {
                    LocalDate closed = results[r] == null ? null : LocalDate.of(YEAR, 6, 1 + k % 28);
                    appeals.accept(new AppealCase(code, "C" + caseId++, kinds.get(kind), LocalDate.of(YEAR, 2, 1), closed, results[r]));
                }
            }
        }

        ProactiveCounter proactive = new ProactiveCounter(year, FORMAT.table2(), Evidence.NONE);
        int doc = 0;
        // regulations: 2 made this year, 1 repealed this year, 5 older still valid
        for (int k = 0; k < 2; k++) {
            proactive.accept(document(code, "D" + doc++, "regulation", LocalDate.of(YEAR, 3, 1 + k), null));
        }
        proactive.accept(document(code, "D" + doc++, "regulation", LocalDate.of(2019, 5, 1), LocalDate.of(YEAR, 7, 1)));
        for (int k = 0; k < 5; k++) {
            proactive.accept(document(code, "D" + doc++, "regulation", LocalDate.of(2020, 1, 1 + k), null));
        }
        // normative documents: 13 made, 4 repealed, 44 older still valid
        for (int k = 0; k < 13 * scale; k++) {
            proactive.accept(document(code, "D" + doc++, "normative", LocalDate.of(YEAR, 1 + k % 12, 10), null));
        }
        for (int k = 0; k < 4; k++) {
            proactive.accept(document(code, "D" + doc++, "normative", LocalDate.of(2018, 2, 1 + k), LocalDate.of(YEAR, 9, 1 + k)));
        }
        for (int k = 0; k < 44; k++) {
            proactive.accept(document(code, "D" + doc++, "normative", LocalDate.of(2021, 1 + k % 12, 3), null));
        }
        proactive.accept(new EnforcementFigure(code, YEAR, "licensing", BigDecimal.valueOf(1234L * scale)));
        proactive.accept(new EnforcementFigure(code, YEAR, "punishment", BigDecimal.valueOf(5678L * scale)));
        proactive.accept(new EnforcementFigure(code, YEAR, "coercion", BigDecimal.valueOf(91L * scale)));
        proactive.accept(new EnforcementFigure(code, YEAR, "fees", new BigDecimal("5949.088667")));

        return new StatutoryTables(code, name, YEAR, scope, proactive.table(), applications.table(), appeals.table(),
                applications.feesYuan());
    }

    private static Document document(String agency, String id, String category, LocalDate issued, LocalDate repealed) {
        return new Document(id, agency, null, "文件" + id, category, issued, Disclosure.PROACTIVE, issued, repealed, null, null);
    }
}

package org.disclosurereports.devtools.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic data set in the data contract, deterministic from a seed, at any size: a
 * three-level tree of units (a province, its departments and cities, their units), applications over
 * three years with realistic shares of applicant types and outcomes and carry-over between years,
 * filings, enforcement figures, appeals, trainings and hearings. Rows are streamed to the files; only
 * the list of units is held in memory.
 * <p>
 * Province scale ({@link Size#province()}) is 5,000 units, 1,000,000 applications, 2,000,000 filings,
 * 50,000 appeals and 100,000 trainings and hearings.
 */
public final class SyntheticData {

    /** How much to generate. */
    public record Size(int units, long applications, long filings, long appeals, long trainingsAndHearings) {

        public static Size province() {
            return new Size(5_000, 1_000_000, 2_000_000, 50_000, 100_000);
        }

        /** A fraction of province scale (0.01 = 1 %), at least a small tree. */
        public static Size scaled(double fraction) {
            Size p = province();
            return new Size(Math.max(3, (int) Math.round(p.units * fraction)), Math.round(p.applications * fraction),
                    Math.round(p.filings * fraction), Math.round(p.appeals * fraction), Math.round(p.trainingsAndHearings * fraction));
        }
    }

    /** The report years the data is made for: applications start in the second half of the year before. */
    public static final int FIRST_YEAR = 2023;
    public static final int LAST_YEAR = 2024;
    /** Applications closed after this day are still open in the export. */
    static final LocalDate EXPORTED_ON = LocalDate.of(LAST_YEAR + 1, 1, 15);

    private static final String[] APPLICANT_TYPES = {"natural_person", "commercial", "research", "social_welfare", "legal_service", "other"};
    private static final double[] APPLICANT_SHARES = {0.84, 0.08, 0.005, 0.01, 0.05, 0.015};
    private static final String[] OUTCOMES = {"granted", "partially_granted", "denied_state_secret", "denied_law_forbidden",
            "denied_three_safety", "denied_third_party", "denied_internal_affairs", "denied_process_info",
            "denied_enforcement_file", "denied_admin_query", "unable_not_held", "unable_need_creation",
            "unable_still_unclear", "rejected_petition", "rejected_repeat", "rejected_publication", "rejected_massive",
            "rejected_confirm", "other_no_correction", "other_no_fee", "other_other"};
    private static final double[] OUTCOME_SHARES = {0.36, 0.18, 0.002, 0.01, 0.004, 0.01, 0.02, 0.03, 0.005, 0.01,
            0.19, 0.03, 0.02, 0.02, 0.03, 0.005, 0.003, 0.01, 0.03, 0.001, 0.03};

    private final long seed;
    private final Size size;

    public SyntheticData(long seed, Size size) {
        this.seed = seed;
        this.size = size;
    }

    record Unit(String code, String name, String parent, String level, double weight) {}

    /** Writes the contract's files into {@code dir} and returns the number of rows per file. */
    public List<String> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Unit> units = units();
        List<String> written = new ArrayList<>();
        written.add(agencies(dir, units));
        written.add(applications(dir, units));
        written.add(filings(dir, units));
        written.add(enforcement(dir, units));
        written.add(appeals(dir, units));
        written.add(trainings(dir, units));
        written.add(hearings(dir, units));
        return written;
    }

    List<Unit> units() {
        SplittableRandom r = new SplittableRandom(seed);
        List<Unit> units = new ArrayList<>(size.units());
        units.add(new Unit("P", "合成省人民政府", null, "省政府", 3));
        int second = Math.max(1, Math.min(size.units() - 1, (int) Math.round(Math.sqrt(size.units()))));
        for (int i = 1; i <= second; i++) {
            boolean city = i % 3 == 0;
            units.add(new Unit(String.format("P-%03d", i), city ? "合成省第" + i + "市人民政府" : "合成省第" + i + "厅",
                    "P", city ? "市政府" : "省级部门", 1 + r.nextDouble() * 4));
        }
        for (int i = units.size(); i < size.units(); i++) {
            int parent = 1 + r.nextInt(second);
            String code = String.format("P-%03d-%05d", parent, i);
            // A few units receive most applications (规划、住建、公安), most receive a handful.
            double weight = r.nextDouble() < 0.1 ? 5 + r.nextDouble() * 20 : 0.2 + r.nextDouble();
            units.add(new Unit(code, "合成省第" + parent + "单位下属第" + i + "单位", units.get(parent).code(),
                    r.nextBoolean() ? "部门" : "街道", weight));
        }
        return units;
    }

    private String agencies(Path dir, List<Unit> units) throws IOException {
        try (BufferedWriter w = writer(dir, "agencies.csv")) {
            w.write("agency_code,name,parent_code,level\n");
            for (Unit u : units) {
                w.write(u.code() + "," + u.name() + "," + (u.parent() == null ? "" : u.parent()) + "," + u.level() + "\n");
            }
        }
        return "agencies.csv " + units.size();
    }

    /** Picks units in proportion to their weight, by a cumulative table. */
    private static final class WeightedUnits {
        private final List<Unit> units;
        private final double[] cumulative;

        WeightedUnits(List<Unit> units) {
            this.units = units;
            this.cumulative = new double[units.size()];
            double sum = 0;
            for (int i = 0; i < units.size(); i++) {
                sum += units.get(i).weight();
                cumulative[i] = sum;
            }
        }

        Unit pick(SplittableRandom r) {
            double x = r.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, x);
            return units.get(i >= 0 ? i : Math.min(-i - 1, units.size() - 1));
        }
    }

    private String applications(Path dir, List<Unit> units) throws IOException {
        SplittableRandom r = new SplittableRandom(seed + 1);
        WeightedUnits pick = new WeightedUnits(units);
        LocalDate start = LocalDate.of(FIRST_YEAR - 1, 7, 1);
        int days = (int) (LocalDate.of(LAST_YEAR, 12, 31).toEpochDay() - start.toEpochDay()) + 1;
        try (BufferedWriter w = writer(dir, "applications.csv")) {
            w.write("application_id,agency_code,received_date,applicant_type,closed_date,outcome,extended,fee_yuan\n");
            for (long i = 1; i <= size.applications(); i++) {
                Unit u = pick.pick(r);
                LocalDate received = start.plusDays(r.nextInt(days));
                boolean extended = r.nextDouble() < 0.05;
                LocalDate closed = received.plusDays(r.nextDouble() < 0.9 ? 1 + r.nextInt(28) : 1 + r.nextInt(extended ? 60 : 40));
                String type = choose(r, APPLICANT_TYPES, APPLICANT_SHARES);
                StringBuilder row = new StringBuilder(96)
                        .append("YSQ").append(i).append(',').append(u.code()).append(',').append(received).append(',').append(type).append(',');
                if (closed.isAfter(EXPORTED_ON)) {
                    row.append(",,");
                } else {
                    row.append(closed).append(',').append(choose(r, OUTCOMES, OUTCOME_SHARES)).append(',');
                }
                row.append(extended ? 'Y' : 'N').append(',');
                if (r.nextDouble() < 0.01) {
                    row.append(10 + r.nextInt(90)).append(".50");
                }
                w.write(row.append('\n').toString());
            }
        }
        return "applications.csv " + size.applications();
    }

    private String filings(Path dir, List<Unit> units) throws IOException {
        SplittableRandom r = new SplittableRandom(seed + 2);
        WeightedUnits pick = new WeightedUnits(units);
        LocalDate start = LocalDate.of(2015, 1, 1);
        int days = (int) (LocalDate.of(LAST_YEAR, 12, 31).toEpochDay() - start.toEpochDay()) + 1;
        try (BufferedWriter w = writer(dir, "filings.csv")) {
            w.write("document_id,agency_code,doc_number,title,category,issued_date,disclosure,published_date,repealed_date,interpretation_date,interpretation_forms\n");
            for (long i = 1; i <= size.filings(); i++) {
                Unit u = pick.pick(r);
                LocalDate issued = start.plusDays(r.nextInt(days));
                double c = r.nextDouble();
                // Only the province government and its departments (level 2) make 规章.
                String category = c < 0.002 && u.parent() != null && u.parent().equals("P") ? "regulation" : c < 0.10 ? "normative" : "other";
                double d = r.nextDouble();
                String disclosure = d < 0.85 ? "proactive" : d < 0.95 ? "on_request" : "not_public";
                LocalDate published = disclosure.equals("proactive") ? issued.plusDays(1 + r.nextInt(14)) : null;
                LocalDate repealed = !category.equals("other") && r.nextDouble() < 0.08 ? issued.plusDays(200 + r.nextInt(2000)) : null;
                if (repealed != null && repealed.isAfter(EXPORTED_ON)) {
                    repealed = null;
                }
                boolean interpreted = category.equals("normative") && r.nextDouble() < 0.4;
                w.write("WJ" + i + "," + u.code() + "," + u.code() + "〔" + issued.getYear() + "〕" + (i % 1000) + "号,"
                        + "关于印发第" + i + "号工作方案的通知," + category + "," + issued + "," + disclosure + ","
                        + (published == null ? "" : published) + "," + (repealed == null ? "" : repealed) + ","
                        + (interpreted ? issued.plusDays(1 + r.nextInt(10)) : "") + "," + (interpreted ? (r.nextBoolean() ? "文字;图解" : "文字") : "")
                        + "\n");
            }
        }
        return "filings.csv " + size.filings();
    }

    private String enforcement(Path dir, List<Unit> units) throws IOException {
        SplittableRandom r = new SplittableRandom(seed + 3);
        long rows = 0;
        try (BufferedWriter w = writer(dir, "enforcement.csv")) {
            w.write("agency_code,year,item,value\n");
            for (Unit u : units) {
                for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                    if (r.nextDouble() < 0.5) {
                        continue; // many units make no such decisions
                    }
                    w.write(u.code() + "," + year + ",licensing," + r.nextInt((int) (50 * u.weight()) + 1) + "\n");
                    w.write(u.code() + "," + year + ",punishment," + r.nextInt((int) (80 * u.weight()) + 1) + "\n");
                    w.write(u.code() + "," + year + ",coercion," + r.nextInt(10) + "\n");
                    rows += 3;
                    if (r.nextDouble() < 0.2) {
                        w.write(u.code() + "," + year + ",fees," + r.nextInt(500) + "." + String.format("%06d", r.nextInt(1_000_000)) + "\n");
                        rows++;
                    }
                }
            }
        }
        return "enforcement.csv " + rows;
    }

    private String appeals(Path dir, List<Unit> units) throws IOException {
        SplittableRandom r = new SplittableRandom(seed + 4);
        WeightedUnits pick = new WeightedUnits(units);
        LocalDate start = LocalDate.of(FIRST_YEAR - 1, 1, 1);
        int days = (int) (LocalDate.of(LAST_YEAR, 12, 31).toEpochDay() - start.toEpochDay()) + 1;
        String[] kinds = {"review", "litigation_direct", "litigation_after_review"};
        String[] results = {"upheld", "corrected", "other"};
        try (BufferedWriter w = writer(dir, "appeals.csv")) {
            w.write("case_id,agency_code,kind,filed_date,closed_date,result\n");
            for (long i = 1; i <= size.appeals(); i++) {
                Unit u = pick.pick(r);
                LocalDate filed = start.plusDays(r.nextInt(days));
                LocalDate closed = filed.plusDays(30 + r.nextInt(300));
                String kind = choose(r, kinds, new double[] {0.6, 0.25, 0.15});
                String result = choose(r, results, new double[] {0.75, 0.1, 0.15});
                w.write("AJ" + i + "," + u.code() + "," + kind + "," + filed + ","
                        + (closed.isAfter(EXPORTED_ON) ? "," : closed + "," + result) + "\n");
            }
        }
        return "appeals.csv " + size.appeals();
    }

    private String trainings(Path dir, List<Unit> units) throws IOException {
        SplittableRandom r = new SplittableRandom(seed + 5);
        long n = size.trainingsAndHearings() / 2;
        String[] kinds = {"general", "specialist", "other"};
        try (BufferedWriter w = writer(dir, "trainings.csv")) {
            w.write("training_id,agency_code,date,title,kind,attendees\n");
            for (long i = 1; i <= n; i++) {
                Unit u = units.get(r.nextInt(units.size()));
                LocalDate date = LocalDate.of(FIRST_YEAR + r.nextInt(LAST_YEAR - FIRST_YEAR + 1), 1, 1).plusDays(r.nextInt(365));
                w.write("PX" + i + "," + u.code() + "," + date + ",政务公开业务培训第" + i + "期," + choose(r, kinds, new double[] {0.6, 0.3, 0.1})
                        + "," + (5 + r.nextInt(200)) + "\n");
            }
        }
        return "trainings.csv " + n;
    }

    private String hearings(Path dir, List<Unit> units) throws IOException {
        SplittableRandom r = new SplittableRandom(seed + 6);
        long n = size.trainingsAndHearings() - size.trainingsAndHearings() / 2;
        String[] kinds = {"leadership_briefing", "public_hearing", "forum", "public_attendance", "open_day"};
        try (BufferedWriter w = writer(dir, "hearings.csv")) {
            w.write("hearing_id,agency_code,date,title,kind,participants\n");
            for (long i = 1; i <= n; i++) {
                Unit u = units.get(r.nextInt(units.size()));
                LocalDate date = LocalDate.of(FIRST_YEAR + r.nextInt(LAST_YEAR - FIRST_YEAR + 1), 1, 1).plusDays(r.nextInt(365));
                w.write("HY" + i + "," + u.code() + "," + date + ",政务公开工作会议第" + i + "次,"
                        + choose(r, kinds, new double[] {0.3, 0.1, 0.2, 0.3, 0.1}) + "," + (r.nextBoolean() ? String.valueOf(3 + r.nextInt(50)) : "") + "\n");
            }
        }
        return "hearings.csv " + n;
    }

    private static String choose(SplittableRandom r, String[] values, double[] shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static BufferedWriter writer(Path dir, String name) throws IOException {
        return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
    }
}

package org.disclosurereports.core.compliance;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The closed catalogue of what a work-plan target can measure from records. A plan naming anything
 * else is refused: a target the pipeline cannot count must not look checked.
 */
public enum Measure {
    TRAININGS_COUNT("trainings.count", "组织政务公开培训", Unit.TIMES),
    TRAININGS_GENERAL_COUNT("trainings.general.count", "组织政务公开通识培训", Unit.TIMES),
    TRAININGS_SPECIALIST_COUNT("trainings.specialist.count", "组织政务公开专业培训", Unit.TIMES),
    TRAININGS_ATTENDEES("trainings.attendees", "参加培训", Unit.PERSON_TIMES),
    LEADERSHIP_BRIEFINGS("hearings.leadership_briefing.count", "主要领导听取政务公开工作汇报", Unit.TIMES),
    PUBLIC_ATTENDANCE("hearings.public_attendance.count", "邀请公众代表列席决策会议", Unit.TIMES),
    PUBLIC_HEARINGS("hearings.public_hearing.count", "召开听证会", Unit.TIMES),
    FORUMS("hearings.forum.count", "召开座谈会", Unit.TIMES),
    OPEN_DAYS("hearings.open_day.count", "开展政府开放活动", Unit.TIMES),
    /** Documents issued in the year with a 政策解读 published. */
    INTERPRETATIONS("filings.interpretation.count", "开展政策解读", Unit.DOCUMENTS),
    /** Of the documents issued in the year that have a 解读, the share with a form other than 文字. */
    MULTIFORM_RATE("filings.interpretation.multiform_rate", "多元化解读率", Unit.PERCENT),
    /** Of the documents issued in the year, the share with disclosure 主动公开. */
    PROACTIVE_RATE("filings.proactive_rate", "公文类信息主动公开率", Unit.PERCENT),
    /** Of the 主动公开 documents issued in the year, the share published within N working days of issue. */
    PUBLISHED_WITHIN("filings.published_within_working_days", "主动公开类公文按时上网发布率", Unit.PERCENT),
    /** Of the applications closed in the year, the share answered by the 条例 第三十三条 deadline. */
    REPLIES_ON_TIME_RATE("applications.on_time_rate", "依申请公开按期答复率", Unit.PERCENT),
    /** Late replies plus applications open past their deadline at year end. */
    REPLIES_OVERDUE("applications.overdue.count", "逾期答复及超期未办结申请", Unit.APPLICATIONS);

    public enum Unit {
        TIMES("次"), PERSON_TIMES("人次"), DOCUMENTS("件"), APPLICATIONS("件"), PERCENT("%");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String key;
    private final String label;
    private final Unit unit;

    Measure(String key, String label, Unit unit) {
        this.key = key;
        this.label = label;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public boolean isRate() {
        return unit == Unit.PERCENT;
    }

    /** Takes a {@code days} parameter (published within N working days). */
    public boolean needsDays() {
        return this == PUBLISHED_WITHIN;
    }

    public static Optional<Measure> ofKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    public static String catalogue() {
        return Arrays.stream(values()).map(Measure::key).collect(Collectors.joining(", "));
    }
}

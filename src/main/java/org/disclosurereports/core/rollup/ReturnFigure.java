package org.disclosurereports.core.rollup;

import java.math.BigDecimal;

/**
 * One figure of a submitted return, as loaded: which cell (layout keys) and where it came from.
 *
 * @param table  {@code table2}, {@code table3} or {@code table4}
 * @param row    row key (table 四: the case kind)
 * @param column column key (table 三: the applicant type; table 四: the result)
 * @param file   the return file it was read from, for messages
 * @param line   its line in that file
 */
public record ReturnFigure(String table, String row, String column, BigDecimal value, String file, long line) {

    /** The return files of the input contract, one per table, named in messages about their figures. */
    public static final String TABLE2_FILE = "returns_table2.csv";
    public static final String TABLE3_FILE = "returns_table3.csv";
    public static final String TABLE4_FILE = "returns_table4.csv";

    public String cell() {
        return table + "." + row + "." + column;
    }

    public String source() {
        return file + " line " + line;
    }
}

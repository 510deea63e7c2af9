package org.disclosurereports.store;

import org.disclosurereports.core.rollup.ReturnFigure;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads submitted returns back from the database (written by the load steps of the return files). */
public class ReturnStore {

    private final JdbcTemplate jdbc;

    public ReturnStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Every figure of the agency's return for the year, in file and line order; empty when it submitted none. */
    public List<ReturnFigure> figures(String agencyCode, int year) {
        List<ReturnFigure> all = new ArrayList<>();
        all.addAll(jdbc.query("SELECT row_key, column_key, figure, source_line FROM return_table2 WHERE agency_code = ? AND report_year = ? ORDER BY source_line",
                (rs, n) -> new ReturnFigure("table2", rs.getString(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(), ReturnFigure.TABLE2_FILE, rs.getLong(4)),
                agencyCode, year));
        all.addAll(jdbc.query("SELECT row_key, applicant_type, figure, source_line FROM return_table3 WHERE agency_code = ? AND report_year = ? ORDER BY source_line",
                (rs, n) -> new ReturnFigure("table3", rs.getString(1), rs.getString(2), rs.getBigDecimal(3), ReturnFigure.TABLE3_FILE, rs.getLong(4)),
                agencyCode, year));
        all.addAll(jdbc.query("SELECT kind, result, figure, source_line FROM return_table4 WHERE agency_code = ? AND report_year = ? ORDER BY source_line",
                (rs, n) -> new ReturnFigure("table4", rs.getString(1), rs.getString(2), rs.getBigDecimal(3), ReturnFigure.TABLE4_FILE, rs.getLong(4)),
                agencyCode, year));
        return all;
    }
}

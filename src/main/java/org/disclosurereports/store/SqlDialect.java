package org.disclosurereports.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The one place where H2 and MySQL/MariaDB SQL differ: the upsert on a natural key. */
public enum SqlDialect {
    H2 {
        @Override
        public String upsert(String table, List<String> columns, List<String> key) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", key)
                    + ") VALUES (" + placeholders(columns.size()) + ")";
        }
    },
    MYSQL {
        @Override
        public String upsert(String table, List<String> columns, List<String> key) {
            // VALUES(col) is understood by both MySQL 8 and MariaDB (MySQL's row alias syntax is not).
            String updates = columns.stream().filter(c -> !key.contains(c))
                    .map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders(columns.size())
                    + ") ON DUPLICATE KEY UPDATE " + updates;
        }
    };

    public abstract String upsert(String table, List<String> columns, List<String> key);

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    public static SqlDialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return MYSQL;
            }
            throw new IllegalStateException("Unsupported database " + product + ": use H2 or MySQL/MariaDB");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }
}

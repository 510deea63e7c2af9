package org.disclosurereports.store;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A fresh in-memory H2 database with the tables of the named migrations only (from db/migration/common). */
final class MigratedDatabase {

    private MigratedDatabase() {
    }

    static JdbcDataSource with(String... migrations) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        for (String name : migrations) {
            try (InputStream in = MigratedDatabase.class.getResourceAsStream("/db/migration/common/" + name)) {
                String migration = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${table_options}", "")
                        .replaceAll("(?m)^--.*$", "");
                for (String statement : migration.split(";")) {
                    if (!statement.isBlank()) {
                        jdbc.execute(statement);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return db;
    }
}

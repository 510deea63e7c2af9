package org.disclosurereports.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RewordedMigrationsTest {

    private static Flyway flyway(JdbcDataSource db, Callback... callbacks) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .placeholders(Map.of("table_options", "")).callbacks(callbacks).load();
    }

    @Test
    void aDatabaseMigratedWithTheOldWordingValidatesAndAnyOtherChangeStillFails() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        flyway(db).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        // As a database migrated before the comments of V5 and V6 were reworded has them.
        jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = -455691771 WHERE \"version\" = '5'");
        jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = -1224980736 WHERE \"version\" = '6'");
        assertThatThrownBy(() -> flyway(db).validate()).isInstanceOf(FlywayException.class);

        flyway(db, new RewordedMigrations()).migrate();
        flyway(db).validate();

        jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '5'");
        assertThatThrownBy(() -> flyway(db, new RewordedMigrations()).validate()).isInstanceOf(FlywayException.class);
    }
}

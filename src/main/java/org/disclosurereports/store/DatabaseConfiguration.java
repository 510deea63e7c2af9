package org.disclosurereports.store;

import org.flywaydb.core.api.callback.Callback;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import javax.sql.DataSource;

/** The only vendor difference in the shared migrations: MySQL tables are utf8mb4 with exact (binary) key comparison. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    FlywayConfigurationCustomizer tableOptions(DataSource dataSource) {
        return flyway -> flyway.placeholders(Map.of("table_options",
                SqlDialect.of(dataSource) == SqlDialect.MYSQL ? "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : ""));
    }

    /** Databases migrated before two migrations' comments were reworded still validate. */
    @Bean
    static Callback rewordedMigrations() {
        return new RewordedMigrations();
    }
}

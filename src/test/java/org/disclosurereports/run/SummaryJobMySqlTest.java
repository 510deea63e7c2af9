package org.disclosurereports.run;

import org.disclosurereports.support.MySqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Summaries, returns and per-unit failures on MySQL (MariaDB here). */
@ExtendWith(MySqlServer.class)
class SummaryJobMySqlTest extends SummaryJobContract {

    private static String url;

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        url = MySqlServer.createDatabase("disclosure_summary_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MySqlServer.USER);
        registry.add("spring.datasource.password", () -> MySqlServer.PASSWORD);
    }

    @AfterAll
    static void drop() {
        if (url != null) {
            MySqlServer.dropDatabase(url);
        }
    }
}

package org.disclosurereports.job;

import org.disclosurereports.support.MySqlServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Summaries, returns and per-unit failures on MySQL (MariaDB here). */
@ExtendWith(MySqlServer.class)
class SummaryJobMySqlTest extends SummaryJobContract {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        MySqlServer.useFreshDatabase(registry, "disclosure_summary_it");
    }
}

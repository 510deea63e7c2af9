package org.disclosurereports.job;

import org.disclosurereports.support.MySqlServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same job on MySQL (MariaDB here): migrations, upserts, pruning and the job repository. */
@ExtendWith(MySqlServer.class)
class AnnualReportJobMySqlTest extends AnnualReportJobContract {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        MySqlServer.useFreshDatabase(registry, "disclosure_it");
    }
}

package org.disclosurereports.run;

import org.disclosurereports.support.MySqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same job on MySQL (MariaDB here): migrations, upserts, pruning and the job repository. */
@ExtendWith(MySqlServer.class)
class AnnualReportJobMySqlTest extends AnnualReportJobContract {

    private static String url;

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        url = MySqlServer.createDatabase("disclosure_it");
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

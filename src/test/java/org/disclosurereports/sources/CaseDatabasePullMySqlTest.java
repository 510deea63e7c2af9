package org.disclosurereports.sources;

import org.disclosurereports.support.MySqlServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Pulls from the case system (MariaDB) into a pipeline database on MariaDB too: watermarks and upserts there. */
class CaseDatabasePullMySqlTest extends CaseDatabasePullContract {

    private static String url;

    @DynamicPropertySource
    static void pipelineDatabase(DynamicPropertyRegistry registry) {
        url = MySqlServer.createDatabase("disclosure_pull_it");
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

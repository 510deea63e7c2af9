package org.disclosurereports.audit;

import org.disclosurereports.support.MySqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit side of a run on MySQL (MariaDB here): evidence streamed from it, audit against its records. */
@ExtendWith(MySqlServer.class)
class AuditedRunMySqlTest extends AuditedRunContract {

    private static String url;

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        url = MySqlServer.createDatabase("disclosure_audit");
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

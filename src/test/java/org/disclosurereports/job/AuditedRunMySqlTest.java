package org.disclosurereports.job;

import org.disclosurereports.support.MySqlServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit side of a run on MySQL (MariaDB here): evidence streamed from it, audit against its records. */
@ExtendWith(MySqlServer.class)
class AuditedRunMySqlTest extends AuditedRunContract {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        MySqlServer.useFreshDatabase(registry, "disclosure_audit");
    }
}

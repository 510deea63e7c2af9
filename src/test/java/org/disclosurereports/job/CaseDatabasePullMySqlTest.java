package org.disclosurereports.job;

import org.disclosurereports.support.MySqlServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Pulls from the case system (MariaDB) into a pipeline database on MariaDB too: watermarks and upserts there. */
class CaseDatabasePullMySqlTest extends CaseDatabasePullContract {

    @DynamicPropertySource
    static void pipelineDatabase(DynamicPropertyRegistry registry) {
        MySqlServer.useFreshDatabase(registry, "disclosure_pull_it");
    }
}

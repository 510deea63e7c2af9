package org.disclosurereports.job;

import org.springframework.test.context.TestPropertySource;

/** Pulls from the case system (MariaDB) into the embedded pipeline database (H2). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:case-database-pull;DB_CLOSE_DELAY=-1")
class CaseDatabasePullH2Test extends CaseDatabasePullContract {
}

package org.disclosurereports.job;

import org.disclosurereports.support.MySqlServer;

import org.springframework.test.context.ContextConfiguration;

/** Pulls from the case system (MariaDB) into a pipeline database on MariaDB too: watermarks and upserts there. */
@ContextConfiguration(initializers = MySqlServer.FreshDatabase.class)
class CaseDatabasePullMySqlTest extends CaseDatabasePullContract {
}

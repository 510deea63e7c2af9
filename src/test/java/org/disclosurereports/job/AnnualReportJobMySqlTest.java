package org.disclosurereports.job;

import org.disclosurereports.support.MySqlServer;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/** The same job on MySQL (MariaDB here): migrations, upserts, pruning and the job repository. */
@ExtendWith(MySqlServer.class)
@ContextConfiguration(initializers = MySqlServer.FreshDatabase.class)
class AnnualReportJobMySqlTest extends AnnualReportJobContract {
}

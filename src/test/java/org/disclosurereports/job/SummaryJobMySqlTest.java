package org.disclosurereports.job;

import org.disclosurereports.support.MySqlServer;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/** Summaries, returns and per-unit failures on MySQL (MariaDB here). */
@ExtendWith(MySqlServer.class)
@ContextConfiguration(initializers = MySqlServer.FreshDatabase.class)
class SummaryJobMySqlTest extends SummaryJobContract {
}

package org.disclosurereports.job;

import org.disclosurereports.support.MySqlServer;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/** The audit side of a run on MySQL (MariaDB here): evidence streamed from it, audit against its records. */
@ExtendWith(MySqlServer.class)
@ContextConfiguration(initializers = MySqlServer.FreshDatabase.class)
class AuditedRunMySqlTest extends AuditedRunContract {
}

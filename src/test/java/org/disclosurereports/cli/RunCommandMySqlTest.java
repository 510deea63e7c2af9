package org.disclosurereports.cli;

import org.disclosurereports.support.MySqlServer;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/** {@code run} on MySQL (MariaDB here). */
@ExtendWith(MySqlServer.class)
@ContextConfiguration(initializers = MySqlServer.FreshDatabase.class)
class RunCommandMySqlTest extends RunCommandContract {
}

package org.disclosurereports.console;

import org.disclosurereports.support.MySqlServer;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/** The review console on MySQL (MariaDB here). */
@ExtendWith(MySqlServer.class)
@ContextConfiguration(initializers = MySqlServer.FreshDatabase.class)
class ConsoleMySqlTest extends ConsoleContract {
}

package org.disclosurereports.console;

import org.springframework.test.context.TestPropertySource;

/** The review console on the embedded database (a database of its own). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:console;DB_CLOSE_DELAY=-1")
class ConsoleH2Test extends ConsoleContract {
}

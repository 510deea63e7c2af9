package org.disclosurereports.cli;

import org.springframework.test.context.TestPropertySource;

/** {@code run} on the embedded database (a database of its own: these tests decide what it has seen). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:run-command;DB_CLOSE_DELAY=-1")
class RunCommandH2Test extends RunCommandContract {
}

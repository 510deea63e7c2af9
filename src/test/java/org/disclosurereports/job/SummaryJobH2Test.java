package org.disclosurereports.job;

import org.springframework.test.context.TestPropertySource;

/** Summaries, returns and per-unit failures on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sample-district;DB_CLOSE_DELAY=-1")
class SummaryJobH2Test extends SummaryJobContract {
}

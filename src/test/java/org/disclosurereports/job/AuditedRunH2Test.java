package org.disclosurereports.job;

import org.springframework.test.context.TestPropertySource;

/** The audit side of a run on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sample-district;DB_CLOSE_DELAY=-1")
class AuditedRunH2Test extends AuditedRunContract {
}

package org.disclosurereports.job;

import org.springframework.test.context.TestPropertySource;

/** The annual report job on the embedded database (H2, as the default file mode uses it). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sample-district;DB_CLOSE_DELAY=-1")
class AnnualReportJobH2Test extends AnnualReportJobContract {
}

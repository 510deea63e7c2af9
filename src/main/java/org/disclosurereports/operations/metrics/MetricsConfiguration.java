package org.disclosurereports.operations.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's run meters: the last run of each scope, in the registry the endpoint serves. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    RunMeters runMeters(MeterRegistry registry) {
        return new RunMeters(registry);
    }
}

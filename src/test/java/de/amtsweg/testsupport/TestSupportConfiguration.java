package de.amtsweg.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Test helpers as beans. */
@TestConfiguration
public class TestSupportConfiguration {

  @Bean
  Jobs jobs(org.camunda.bpm.engine.ManagementService managementService) {
    return new Jobs(managementService);
  }
}

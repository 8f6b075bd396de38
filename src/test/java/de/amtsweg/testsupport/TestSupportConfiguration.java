package de.amtsweg.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Starts the test SMTP server before the application context needs it. */
@TestConfiguration
public class TestSupportConfiguration {

  @Bean
  Jobs jobs(org.camunda.bpm.engine.ManagementService managementService) {
    TestMail.server();
    return new Jobs(managementService);
  }
}

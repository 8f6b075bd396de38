package de.amtsweg.testsupport;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Starts the test SMTP server before the application context needs it. */
@TestConfiguration
public class TestSupportConfiguration {

  /** Process tests (classes named *ProcessTest) must together walk every element and flow of their models. */
  @Bean
  @Primary // the coverage library brings a default one; ours must win or the assertion is silently off
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .addInclusionPatternForTestClasses(".*ProcessTest")
        .assertClassCoverageAtLeast(1.0)
        .build();
  }

  @Bean
  Jobs jobs(org.camunda.bpm.engine.ManagementService managementService) {
    TestMail.server();
    return new Jobs(managementService);
  }
}

package de.amtsweg.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Every test application context sends its mail to the test JVM's GreenMail server. */
public class TestMailContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return new Customizer();
  }

  /** Equal to every other instance, so that it does not split Spring's context cache. */
  static final class Customizer implements ContextCustomizer {

    @Override
    public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
        org.springframework.test.context.MergedContextConfiguration mergedConfig) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail",
          Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", TestMail.port())));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Customizer;
    }

    @Override
    public int hashCode() {
      return Customizer.class.hashCode();
    }
  }
}

package de.amtsweg.forms;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.support.ResourceBundleMessageSource;

final class FormsTestSupport {
  private FormsTestSupport() {}

  static ResourceBundleMessageSource messageSource() {
    ResourceBundleMessageSource ms = new ResourceBundleMessageSource();
    ms.setBasename("i18n/forms");
    ms.setDefaultEncoding("UTF-8");
    ms.setFallbackToSystemLocale(false);
    return ms;
  }

  static Path conformanceDir() {
    Path relative = Path.of(System.getProperty("user.dir")).resolve("../shared/conformance/form-js").normalize();
    if (Files.isDirectory(relative)) {
      return relative;
    }
    Path absolute = Path.of("/work/shared/conformance/form-js");
    assumeTrue(Files.isDirectory(absolute), "form-js conformance schemas not available");
    return absolute;
  }

  static FormDefinition conformance(String name) {
    try {
      return FormDefinition.parse(Files.readString(conformanceDir().resolve(name)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

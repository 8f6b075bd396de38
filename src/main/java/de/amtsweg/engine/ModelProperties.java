package de.amtsweg.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the process designers' files live (relative to the working directory unless absolute). */
@ConfigurationProperties("amtsweg.models")
public record ModelProperties(String processesDir, String formsDir) {

  public ModelProperties {
    processesDir = processesDir == null ? "processes" : processesDir;
    formsDir = formsDir == null ? "forms" : formsDir;
  }
}

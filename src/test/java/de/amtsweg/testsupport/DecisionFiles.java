package de.amtsweg.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** A decision from {@code processes/}, parsed by the standalone DMN engine, as a designer's file is. */
public record DecisionFiles(DmnEngine engine, DmnDecision decision) {

  public static DecisionFiles parse(Path file, String decisionKey) {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(file)) {
      return new DecisionFiles(engine, engine.parseDecision(decisionKey, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

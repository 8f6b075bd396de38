package de.amtsweg.engine;

import jakarta.annotation.PostConstruct;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} at startup, one deployment per model file:
 * a BPMN file together with the forms it references (so {@code formRefBinding="deployment"} finds
 * them), each DMN file alone, and all forms once more as {@code amtsweg-forms} for forms that are
 * looked up by key (e.g. the generic inquiry answer form). Camunda's duplicate filter skips a
 * deployment whose resources are unchanged, so an unchanged file creates no new version.
 */
@Component
public class ModelDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  static final String FORMS_DEPLOYMENT = "amtsweg-forms";

  private final RepositoryService repositoryService;
  private final ModelProperties properties;

  public ModelDeployer(RepositoryService repositoryService, ModelProperties properties) {
    this.repositoryService = repositoryService;
    this.properties = properties;
  }

  @PostConstruct
  public void deployAll() {
    Map<String, byte[]> forms = read(dir(properties.formsDir()), ".form");
    Map<String, byte[]> models = read(dir(properties.processesDir()), ".bpmn", ".dmn");
    for (var model : models.entrySet()) {
      DeploymentBuilder builder = repositoryService.createDeployment()
          .name(model.getKey()).source("amtsweg").enableDuplicateFiltering(false)
          .addInputStream(model.getKey(), new ByteArrayInputStream(model.getValue()));
      if (model.getKey().endsWith(".bpmn")) {
        for (String formId : referencedForms(model.getKey(), model.getValue())) {
          byte[] form = forms.get(formId + ".form");
          if (form == null) {
            throw new IllegalStateException(model.getKey() + " references form '" + formId
                + "' but " + properties.formsDir() + "/" + formId + ".form does not exist");
          }
          builder.addInputStream(formId + ".form", new ByteArrayInputStream(form));
        }
      }
      builder.deploy();
    }
    if (!forms.isEmpty()) {
      DeploymentBuilder builder = repositoryService.createDeployment()
          .name(FORMS_DEPLOYMENT).source("amtsweg").enableDuplicateFiltering(false);
      forms.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
      builder.deploy();
    }
    LOG.info("Deployed {} models and {} forms (unchanged files keep their version)", models.size(), forms.size());
  }

  static Set<String> referencedForms(String name, byte[] bpmn) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot parse " + name + ": " + e.getMessage(), e);
    }
    Set<String> ids = new LinkedHashSet<>();
    model.getModelElementsByType(UserTask.class).forEach(t -> addIfSet(ids, t.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).forEach(e -> addIfSet(ids, e.getCamundaFormRef()));
    return ids;
  }

  private static void addIfSet(Set<String> ids, String value) {
    if (value != null && !value.isBlank()) {
      ids.add(value);
    }
  }

  private static Path dir(String location) {
    Path path = Path.of(location).toAbsolutePath().normalize();
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("Model folder " + path + " does not exist (amtsweg.models.*)");
    }
    return path;
  }

  /** file name → content, sorted by name so deployments are reproducible. */
  static Map<String, byte[]> read(Path dir, String... suffixes) {
    try (Stream<Path> files = Files.list(dir)) {
      Map<String, byte[]> result = new LinkedHashMap<>();
      List<Path> sorted = files.filter(Files::isRegularFile)
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
          .sorted().toList();
      for (Path p : sorted) {
        result.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package de.amtsweg.engine;

import de.amtsweg.forms.FormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/** The service catalog, read from the deployed models (latest versions). */
@Component
public class ProcedureCatalog {

  public static final String PREFIX_PROPERTY = "caseNumberPrefix";
  public static final String OFFICE_PROPERTY = "office";

  private final RepositoryService repositoryService;
  private final Map<String, Optional<Procedure>> byDefinitionId = new ConcurrentHashMap<>();
  private final Map<String, FormDefinition> forms = new ConcurrentHashMap<>();

  public ProcedureCatalog(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public List<Procedure> all() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().active().list().stream()
        .map(this::describe).flatMap(Optional::stream)
        .sorted(Comparator.comparing(Procedure::name)).toList();
  }

  public Optional<Procedure> byKey(String processKey) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().active().singleResult();
    return definition == null ? Optional.empty() : describe(definition);
  }

  /** The latest deployed form with this id (for forms not bound to a task), parsed once per deployment. */
  public Optional<FormDefinition> latestForm(String formKey) {
    String resource = formKey + ".form";
    return repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.FORMS_DEPLOYMENT)
        .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst()
        .filter(d -> repositoryService.getDeploymentResourceNames(d.getId()).contains(resource))
        .map(d -> forms.computeIfAbsent(d.getId() + "/" + resource, k -> {
          try (InputStream in = repositoryService.getResourceAsStream(d.getId(), resource)) {
            return FormDefinition.parse(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }));
  }

  private Optional<Procedure> describe(ProcessDefinition definition) {
    return byDefinitionId.computeIfAbsent(definition.getId(), id -> {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
      Process process = model.getModelElementById(definition.getKey());
      Map<String, String> props = properties(process);
      if (!props.containsKey(PREFIX_PROPERTY) || !props.containsKey(OFFICE_PROPERTY)) {
        return Optional.empty();
      }
      String description = process.getDocumentations().stream().map(Documentation::getTextContent)
          .collect(Collectors.joining("\n")).trim();
      String name = definition.getName() == null ? definition.getKey() : definition.getName();
      return Optional.of(new Procedure(definition.getKey(), name, description,
          props.get(PREFIX_PROPERTY), props.get(OFFICE_PROPERTY), id));
    });
  }

  static Map<String, String> properties(Process process) {
    if (process.getExtensionElements() == null) {
      return Map.of();
    }
    return process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
        .stream().flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> p.getCamundaName() != null && p.getCamundaValue() != null)
        .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue,
            (a, b) -> b));
  }
}

package de.amtsweg.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.springframework.stereotype.Component;

/**
 * What the machine found before the clerk got the case, labelled as the model names it: each register
 * look-up ("Melderegister abfragen": its answer) and each decision ("Gebühr berechnen": 120.0). Read
 * from the case's own model version, so a new procedure shows its checks without any Java.
 */
@Component
public class AutomaticChecks {

  /** One line of the clerk's check list. */
  public record Check(String label, Object value) {
  }

  private final RepositoryService repositoryService;

  public AutomaticChecks(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public List<Check> of(String processDefinitionId, Map<String, Object> variables) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
    List<Check> checks = new ArrayList<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if ("${lookUpRegister}".equals(task.getCamundaDelegateExpression())) {
        String result = input(task, "resultVariable");
        if (result != null && variables.containsKey(result + "Detail")) {
          checks.add(new Check(label(task.getName(), task.getId()), variables.get(result + "Detail")));
        }
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String result = task.getCamundaResultVariable();
      if (result != null && variables.containsKey(result)) {
        checks.add(new Check(label(task.getName(), task.getId()), variables.get(result)));
      }
    }
    return checks;
  }

  private static String input(ServiceTask task, String name) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(p -> name.equals(p.getCamundaName())).map(CamundaInputParameter::getTextContent)
        .findFirst().orElse(null);
  }

  private static String label(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }
}

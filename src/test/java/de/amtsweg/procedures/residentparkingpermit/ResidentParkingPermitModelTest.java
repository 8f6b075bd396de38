package de.amtsweg.procedures.residentparkingpermit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the Bewohnerparkausweis model and its forms against the Amtsweg conventions
 * (DESIGN.md): validity, user tasks, outside calls, timeline milestones, graph soundness, DI.
 */
class ResidentParkingPermitModelTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Path BPMN = PROCESSES.resolve("resident-parking-permit.bpmn");
  static final Path TEMPLATES = PROCESSES.resolve(".camunda/element-templates/amtsweg-blocks.json");
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** Beans that talk to the outside world and therefore must run in their own job with retries. */
  static final Set<String> OUTSIDE_CALLS = Set.of("lookUpRegister", "deliverToPostbox", "sendInquiry");

  static BpmnModelInstance model;
  static Map<String, FlowNode> nodes;

  @BeforeAll
  static void readModel() {
    model = Bpmn.readModelFromFile(BPMN.toFile());
    nodes = model.getModelElementsByType(FlowNode.class).stream()
        .collect(Collectors.toMap(FlowNode::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  @Test
  void modelIsSchemaValidAndExecutable() {
    Bpmn.validateModel(model);

    Process process = model.getModelElementById("residentParkingPermit");
    assertThat(process.getName()).isEqualTo("Bewohnerparkausweis");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    assertThat(model.getModelElementsByType(Process.class)).hasSize(1);
  }

  @Test
  void startEventUsesTheApplicationFormAndRecordsTheInitiator() {
    StartEvent start = model.getModelElementById("StartEvent_ApplicationSubmitted");
    assertThat(camunda(start, "formRef")).isEqualTo("resident-parking-permit-application");
    assertThat(camunda(start, "formRefBinding")).isEqualTo("deployment");
    assertThat(start.getCamundaInitiator()).isEqualTo("applicant");
    assertThat(FORMS.resolve("resident-parking-permit-application.form")).exists();
  }

  @Test
  void everyUserTaskHasCandidateGroupsAndADeployedForm() {
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    assertThat(userTasks).isNotEmpty();
    for (UserTask task : userTasks) {
      assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isNotBlank();
      String formRef = camunda(task, "formRef");
      assertThat(formRef).as("formRef of %s", task.getId()).isNotBlank();
      assertThat(camunda(task, "formRefBinding")).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
      assertThat(FORMS.resolve(formRef + ".form")).as("form file for %s", task.getId()).exists();
    }
  }

  @Test
  void serviceTasksUseDelegateExpressionsAndOutsideCallsAreAsyncWithRetries() {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaClass()).as("camunda:class on %s", task.getId()).isNull();
      assertThat(task.getCamundaExpression()).as("camunda:expression on %s", task.getId()).isNull();
      String bean = beanOf(task);
      if (OUTSIDE_CALLS.contains(bean)) {
        assertThat(task.isCamundaAsyncBefore()).as("asyncBefore on %s", task.getId()).isTrue();
        assertThat(retryTimeCycle(task)).as("retry cycle on %s", task.getId()).isEqualTo("R3/PT1M");
      } else {
        assertThat(task.isCamundaAsyncBefore()).as("asyncBefore on internal %s", task.getId()).isFalse();
      }
      assertThat(task.isCamundaAsyncAfter()).as("asyncAfter on %s", task.getId()).isFalse();
    }
  }

  @Test
  void registerLookUpsNameTheirRegisterAndResultVariable() {
    assertThat(inputs("ServiceTask_LookUpPopulationRegister"))
        .containsEntry("register", "population")
        .containsEntry("resultVariable", "residenceConfirmed")
        .containsEntry("givenName", "${applicantGivenName}")
        .containsEntry("familyName", "${applicantFamilyName}")
        .containsEntry("street", "${street}")
        .containsEntry("houseNumber", "${houseNumber}")
        .containsEntry("postalCode", "${postalCode}")
        .containsEntry("city", "${city}");
    assertThat(inputs("ServiceTask_LookUpVehicleRegister"))
        .containsEntry("register", "vehicle")
        .containsEntry("resultVariable", "vehicleConfirmed")
        .containsEntry("licencePlate", "${licencePlate}");
  }

  @Test
  void noticesAreGeneratedIntoDistinctVariablesThatTheDeliveriesAttach() {
    Map<String, String> generatedBy = new HashMap<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if ("generateNotice".equals(beanOf(task))) {
        Map<String, String> in = inputs(task.getId());
        assertThat(in).containsKeys("template", "title", "documentVariable");
        assertThat(in.get("template")).startsWith("resident-parking-permit/");
        assertThat(generatedBy.put(in.get("documentVariable"), task.getId())).isNull();
      }
    }
    assertThat(generatedBy).containsOnlyKeys("approvalNoticeId", "permitId", "rejectionNoticeId", "withdrawalNoticeId");
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if ("deliverToPostbox".equals(beanOf(task))) {
        Map<String, String> in = inputs(task.getId());
        assertThat(in.get("subject")).as("subject of %s", task.getId()).isNotBlank();
        assertThat(in.get("body")).as("body of %s", task.getId()).isNotBlank();
        if (in.containsKey("documentVariable")) {
          assertThat(generatedBy).containsKey(in.get("documentVariable"));
        }
      }
    }
  }

  @Test
  void receiveTasksWaitForTheDocumentedMessages() {
    ReceiveTask payment = model.getModelElementById("ReceiveTask_AwaitPayment");
    ReceiveTask answer = model.getModelElementById("ReceiveTask_AwaitInquiryAnswer");
    assertThat(payment.getMessage().getName()).isEqualTo("residentParkingPermit.paymentReceived");
    assertThat(answer.getMessage().getName()).isEqualTo("residentParkingPermit.inquiryAnswered");
    assertThat(inputs("ServiceTask_RequestPayment")).containsEntry("message", payment.getMessage().getName());
    assertThat(inputs("ServiceTask_SendInquiry"))
        .containsEntry("message", answer.getMessage().getName())
        .containsEntry("answerForm", "inquiry-answer");
    assertThat(FORMS.resolve("inquiry-answer.form")).exists();
  }

  @Test
  void businessRuleTasksReferenceDecisionsInProcessesFolder() throws IOException {
    Set<String> decisionIds = new HashSet<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path dmn : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
        Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(Decision.class)
            .forEach(decision -> decisionIds.add(decision.getId()));
      }
    }
    Collection<BusinessRuleTask> tasks = model.getModelElementsByType(BusinessRuleTask.class);
    assertThat(tasks).hasSize(2);
    for (BusinessRuleTask task : tasks) {
      assertThat(decisionIds).contains(task.getCamundaDecisionRef());
      assertThat(task.getCamundaMapDecisionResult()).isEqualTo("singleEntry");
      assertThat(task.getCamundaResultVariable()).isNotBlank();
    }
  }

  @Test
  void citizenTimelineMilestonesCarryGermanAndEnglishStatus() {
    Map<String, Map<String, String>> statusByElement = new LinkedHashMap<>();
    for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
      String name = property.getCamundaName();
      if (name != null && name.startsWith("citizenStatus")) {
        assertThat(property.getCamundaValue()).as("%s", name).isNotBlank();
        BaseElement owner = (BaseElement) property.getParentElement().getParentElement().getParentElement();
        statusByElement.computeIfAbsent(owner.getId(), id -> new HashMap<>()).put(name, property.getCamundaValue());
      }
    }
    assertThat(statusByElement).containsOnlyKeys(
        "StartEvent_ApplicationSubmitted", "ServiceTask_LookUpPopulationRegister", "UserTask_ReviewApplication",
        "ReceiveTask_AwaitInquiryAnswer", "ServiceTask_DeliverApprovalNotice", "ReceiveTask_AwaitPayment",
        "EndEvent_PermitIssued", "EndEvent_Rejected", "EndEvent_Withdrawn", "EndEvent_PaymentMissed");
    statusByElement.forEach((id, status) ->
        assertThat(status).as("status of %s", id).containsOnlyKeys("citizenStatus", "citizenStatus_en"));
    assertThat(statusByElement.get("EndEvent_PermitIssued")).containsEntry("citizenStatus", "Bewohnerparkausweis ausgestellt");
  }

  @Test
  void everyFlowNodeIsReachableFromTheStartEventAndCanReachAnEndEvent() {
    Map<String, Set<String>> successors = new HashMap<>();
    Map<String, Set<String>> predecessors = new HashMap<>();
    nodes.keySet().forEach(id -> {
      successors.put(id, new HashSet<>());
      predecessors.put(id, new HashSet<>());
    });
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      link(successors, predecessors, flow.getSource().getId(), flow.getTarget().getId());
    }
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      link(successors, predecessors, boundary.getAttachedTo().getId(), boundary.getId());
    }

    Collection<StartEvent> starts = model.getModelElementsByType(StartEvent.class);
    assertThat(starts).hasSize(1);
    Set<String> reachable = walk(successors, List.of(starts.iterator().next().getId()));
    assertThat(reachable).as("reachable from start").containsExactlyInAnyOrderElementsOf(nodes.keySet());

    List<String> ends = model.getModelElementsByType(EndEvent.class).stream().map(EndEvent::getId).toList();
    Set<String> canEnd = walk(predecessors, ends);
    assertThat(canEnd).as("can reach an end event").containsExactlyInAnyOrderElementsOf(nodes.keySet());
  }

  @Test
  void gatewaysAreDeterministic() {
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      if (outgoing.size() > 1) {
        SequenceFlow defaultFlow = gateway.getDefault();
        for (SequenceFlow flow : outgoing) {
          if (flow != defaultFlow) {
            assertThat(flow.getConditionExpression()).as("condition on %s", flow.getId()).isNotNull();
            assertThat(flow.getName()).as("label of %s", flow.getId()).isNotBlank();
          }
        }
      }
    }
    ExclusiveGateway checks = model.getModelElementById("Gateway_ChecksPassed");
    assertThat(checks.getDefault().getId()).isEqualTo("SequenceFlow_ReviewNeeded");
    UserTask review = model.getModelElementById("UserTask_ReviewApplication");
    assertThat(review.getIncoming()).hasSize(1);
  }

  @Test
  void diagramHasAShapeForEveryFlowNodeAndAnEdgeForEveryFlow() {
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
    assertThat(shapes).containsAll(nodes.keySet());
    assertThat(edges).containsExactlyInAnyOrderElementsOf(
        model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList());
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      assertThat(edge.getWaypoints()).as("waypoints of %s", edge.getId()).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void formsHaveIdsMatchingTheirFileNamesAndUniqueKeys() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path> forms;
    try (Stream<Path> files = Files.list(FORMS)) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).extracting(p -> p.getFileName().toString()).contains(
        "resident-parking-permit-application.form", "resident-parking-permit-review.form", "inquiry-answer.form");
    for (Path form : forms) {
      JsonNode root = json.readTree(form.toFile());
      String baseName = form.getFileName().toString().replaceFirst("\\.form$", "");
      assertThat(root.path("id").asText()).as("id of %s", form).isEqualTo(baseName);
      assertThat(root.path("type").asText()).isEqualTo("default");
      assertThat(root.path("schemaVersion").asInt()).isEqualTo(16);
      assertThat(root.path("executionPlatform").asText()).isEqualTo("Camunda Platform");

      List<String> keys = new ArrayList<>();
      List<String> componentIds = new ArrayList<>();
      collect(root.path("components"), keys, componentIds);
      assertThat(keys).as("keys of %s", form).doesNotHaveDuplicates().isNotEmpty();
      assertThat(componentIds).as("component ids of %s", form).doesNotHaveDuplicates();
    }
  }

  @Test
  void applicationFormProvidesEveryVariableTheModelReads() throws IOException {
    List<String> keys = new ArrayList<>();
    collect(new ObjectMapper().readTree(FORMS.resolve("resident-parking-permit-application.form").toFile())
        .path("components"), keys, new ArrayList<>());
    assertThat(keys).containsExactlyInAnyOrder(
        "applicantGivenName", "applicantFamilyName", "street", "houseNumber", "postalCode", "city",
        "licencePlate", "vehicleClass", "companyCar", "employerCertificate", "validityMonths", "desiredStart",
        "remarks", "consentRegisterLookUp");

    List<String> reviewKeys = new ArrayList<>();
    collect(new ObjectMapper().readTree(FORMS.resolve("resident-parking-permit-review.form").toFile())
        .path("components"), reviewKeys, new ArrayList<>());
    assertThat(reviewKeys).containsExactlyInAnyOrder("decision", "rejectionReason", "inquiryQuestion", "internalNote");
  }

  @Test
  void elementTemplatesCoverEveryBeanTheModelUses() throws IOException {
    JsonNode templates = new ObjectMapper().readTree(TEMPLATES.toFile());
    assertThat(templates.isArray()).isTrue();
    Set<String> templateIds = new HashSet<>();
    Set<String> templateBeans = new HashSet<>();
    for (JsonNode template : templates) {
      assertThat(templateIds.add(template.path("id").asText())).isTrue();
      assertThat(template.path("id").asText()).startsWith("de.amtsweg.blocks.");
      for (JsonNode property : template.path("properties")) {
        if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
          templateBeans.add(property.path("value").asText().replaceAll("^\\$\\{|}$", ""));
        }
      }
    }
    Set<String> modelBeans = model.getModelElementsByType(ServiceTask.class).stream()
        .map(ResidentParkingPermitModelTest::beanOf).collect(Collectors.toSet());
    assertThat(templateBeans).containsAll(modelBeans);
  }

  // --- helpers ------------------------------------------------------------------------------

  private static void link(Map<String, Set<String>> successors, Map<String, Set<String>> predecessors, String from, String to) {
    successors.get(from).add(to);
    predecessors.get(to).add(from);
  }

  private static Set<String> walk(Map<String, Set<String>> graph, Collection<String> roots) {
    Set<String> seen = new HashSet<>(roots);
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      for (String next : graph.get(todo.pop())) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return seen;
  }

  private static void collect(JsonNode components, List<String> keys, List<String> ids) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.hasNonNull("id")) {
        ids.add(component.get("id").asText());
      }
      collect(component.path("components"), keys, ids);
    }
  }

  private static String camunda(BaseElement element, String attribute) {
    return element.getAttributeValueNs(CAMUNDA_NS, attribute);
  }

  private static String beanOf(ServiceTask task) {
    String expression = task.getCamundaDelegateExpression();
    assertThat(expression).as("delegateExpression of %s", task.getId()).matches("\\$\\{[a-z][A-Za-z]+}");
    return expression.substring(2, expression.length() - 1);
  }

  private static String retryTimeCycle(Activity activity) {
    ExtensionElements extensions = activity.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    CamundaFailedJobRetryTimeCycle cycle = extensions.getElementsQuery()
        .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult();
    return cycle.getTextContent().trim();
  }

  private static Map<String, String> inputs(String activityId) {
    Activity activity = model.getModelElementById(activityId);
    Map<String, String> inputs = new LinkedHashMap<>();
    for (CamundaInputParameter input : activity.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).singleResult()
        .getCamundaInputParameters()) {
      inputs.put(input.getCamundaName(), input.getTextContent().trim());
    }
    return inputs;
  }
}

package de.amtsweg.procedures.residentparkingpermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every path of the Bewohnerparkausweis model in an in-memory engine. The building blocks are
 * replaced by recording stand-ins registered under the bean names the model uses, so this test
 * checks the model (conditions, DMN wiring, messages, timers), not the Java delegates.
 */
class ResidentParkingPermitProcessTest {

  static final AtomicInteger CASE_NUMBERS = new AtomicInteger(1);

  static ProcessEngine engine;
  static final Map<String, Boolean> registerAnswers = new HashMap<>();
  static final List<Map<String, Object>> calls = new ArrayList<>();

  String businessKey;

  @BeforeAll
  static void startEngine() throws IOException {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("lookUpRegister", recording("lookUpRegister", execution -> execution.setVariable(
        (String) execution.getVariable("resultVariable"),
        registerAnswers.get((String) execution.getVariable("register")))));
    beans.put("generateNotice", recording("generateNotice", execution -> execution.setVariable(
        (String) execution.getVariable("documentVariable"), "doc:" + execution.getVariable("template"))));
    beans.put("deliverToPostbox", recording("deliverToPostbox", execution -> { }));
    beans.put("requestPayment", recording("requestPayment", execution -> { }));
    beans.put("sendInquiry", recording("sendInquiry", execution -> { }));

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:residentParkingPermitProcessTest;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("residentParkingPermitProcessTest");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setBeans(beans);
    engine = configuration.buildProcessEngine();

    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("resident-parking-permit");
    for (String resource : List.of("processes/resident-parking-permit.bpmn", "processes/resident-parking-fee.dmn",
        "processes/parking-zone.dmn", "forms/resident-parking-permit-application.form",
        "forms/resident-parking-permit-review.form", "forms/inquiry-answer.form")) {
      deployment.addInputStream(Path.of(resource).getFileName().toString(), Files.newInputStream(Path.of(resource)));
    }
    deployment.deploy();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void resetStandIns() {
    registerAnswers.clear();
    registerAnswers.put("population", true);
    registerAnswers.put("vehicle", true);
    calls.clear();
    businessKey = "BPP-2026-%06d".formatted(CASE_NUMBERS.getAndIncrement());
  }

  @Test
  void confirmedApplicationIsApprovedWithoutAClerkAndIssuedAfterPayment() {
    ProcessInstance instance = apply(application());

    assertThat(activeActivities(instance)).containsExactly("ReceiveTask_AwaitPayment");
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    assertThat(variable(instance, "residenceConfirmed")).isEqualTo(true);
    assertThat(variable(instance, "vehicleConfirmed")).isEqualTo(true);
    assertThat(variable(instance, "parkingZone")).isEqualTo("S-Mitte 1");
    assertThat(variable(instance, "fee")).isEqualTo(120.0);
    assertThat(variable(instance, "applicant")).isEqualTo("citizen-42");
    assertThat(callsTo("requestPayment")).singleElement().satisfies(call -> {
      assertThat(call).containsEntry("amount", 120.0).containsEntry("message", "residentParkingPermit.paymentReceived");
      assertThat((String) call.get("purpose")).isEqualTo("Gebühr Bewohnerparkausweis " + businessKey);
    });
    assertThat(callsTo("deliverToPostbox")).singleElement().satisfies(call -> {
      assertThat(call).containsEntry("subject", "Ihr Bescheid zum Bewohnerparkausweis")
          .containsEntry("documentVariable", "approvalNoticeId");
      assertThat((String) call.get("body")).contains(businessKey).contains("Erika Mustermann");
    });

    pay();

    assertThat(passed(instance)).contains("ServiceTask_GeneratePermit", "ServiceTask_DeliverPermit")
        .doesNotContain("UserTask_ReviewApplication");
    assertEndedAt(instance, "EndEvent_PermitIssued");
    assertThat(variable(instance, "permitId")).isEqualTo("doc:resident-parking-permit/permit");
  }

  @Test
  void companyCarGoesToTheParkingOfficeAndUnpaidFeeClosesTheCase() {
    VariableMap application = application();
    application.putValue("companyCar", true).putValue("vehicleClass", "lightCommercial").putValue("validityMonths", "24");
    ProcessInstance instance = apply(application);

    Task review = reviewTask();
    assertThat(candidateGroups(review)).containsExactly("parking-office");
    assertThat(review.getDueDate()).isBetween(
        Date.from(Instant.now().plus(Duration.ofDays(4))), Date.from(Instant.now().plus(Duration.ofDays(6))));
    assertThat(variable(instance, "fee")).isEqualTo(360.0);

    decide(review, Variables.createVariables().putValue("decision", "approve"));
    assertThat(activeActivities(instance)).containsExactly("ReceiveTask_AwaitPayment");

    fireTimer(instance, "Timer_PaymentDeadline");

    assertEndedAt(instance, "EndEvent_PaymentMissed");
    assertThat(passed(instance)).doesNotContain("ServiceTask_GeneratePermit");
    assertThat(callsTo("deliverToPostbox")).extracting(call -> call.get("subject"))
        .containsExactly("Ihr Bescheid zum Bewohnerparkausweis", "Ihr Antrag auf einen Bewohnerparkausweis wurde beendet");
  }

  @Test
  void unconfirmedResidenceGoesToTheParkingOfficeWhichRejects() {
    registerAnswers.put("population", false);
    ProcessInstance instance = apply(application());

    decide(reviewTask(), Variables.createVariables().putValue("decision", "reject")
        .putValue("rejectionReason", "Sie sind unter der angegebenen Anschrift nicht mit Hauptwohnung gemeldet."));

    assertEndedAt(instance, "EndEvent_Rejected");
    assertThat(variable(instance, "rejectionNoticeId")).isEqualTo("doc:resident-parking-permit/rejection");
    assertThat(callsTo("deliverToPostbox")).singleElement()
        .satisfies(call -> assertThat(call).containsEntry("documentVariable", "rejectionNoticeId"));
    assertThat(callsTo("requestPayment")).isEmpty();
  }

  @Test
  void inquiryIsRemindedAnsweredAndReviewedAgain() {
    VariableMap application = application();
    application.putValue("postalCode", "80331").putValue("street", "Marienplatz");
    ProcessInstance instance = apply(application);
    assertThat(variable(instance, "parkingZone")).isEqualTo("unknown");

    decide(reviewTask(), Variables.createVariables().putValue("decision", "inquire")
        .putValue("inquiryQuestion", "Bitte laden Sie Ihre Meldebescheinigung hoch."));
    assertThat(activeActivities(instance)).containsExactly("ReceiveTask_AwaitInquiryAnswer");
    assertThat(callsTo("sendInquiry")).singleElement().satisfies(call -> assertThat(call)
        .containsEntry("question", "Bitte laden Sie Ihre Meldebescheinigung hoch.")
        .containsEntry("answerForm", "inquiry-answer")
        .containsEntry("message", "residentParkingPermit.inquiryAnswered")
        .containsEntry("dueInDays", "14"));

    fireTimer(instance, "Timer_InquiryReminder");
    assertThat(activeActivities(instance)).containsExactly("ReceiveTask_AwaitInquiryAnswer");
    assertThat(passed(instance)).contains("EndEvent_ReminderSent");
    assertThat(callsTo("deliverToPostbox")).extracting(call -> call.get("subject"))
        .containsExactly("Erinnerung: Ihre Unterlagen fehlen noch");

    engine.getRuntimeService().createMessageCorrelation("residentParkingPermit.inquiryAnswered")
        .processInstanceBusinessKey(businessKey)
        .setVariable("answerText", "Meldebescheinigung anbei.")
        .correlate();
    runJobs();

    assertThat(timers(instance)).isEmpty();
    decide(reviewTask(), Variables.createVariables().putValue("decision", "approve"));
    pay();

    assertEndedAt(instance, "EndEvent_PermitIssued");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).activityId("UserTask_ReviewApplication").count()).isEqualTo(2);
  }

  @Test
  void unansweredInquiryMeansTheApplicationIsWithdrawn() {
    VariableMap application = application();
    application.putValue("companyCar", true);
    ProcessInstance instance = apply(application);

    decide(reviewTask(), Variables.createVariables().putValue("decision", "inquire")
        .putValue("inquiryQuestion", "Bitte reichen Sie die Bescheinigung Ihres Arbeitgebers nach."));
    fireTimer(instance, "Timer_InquiryDeadline");

    assertEndedAt(instance, "EndEvent_Withdrawn");
    assertThat(variable(instance, "withdrawalNoticeId")).isEqualTo("doc:resident-parking-permit/withdrawal");
    assertThat(callsTo("deliverToPostbox")).singleElement()
        .satisfies(call -> assertThat(call).containsEntry("documentVariable", "withdrawalNoticeId"));
  }

  // --- helpers ------------------------------------------------------------------------------

  static VariableMap application() {
    return Variables.createVariables()
        .putValue("applicantGivenName", "Erika").putValue("applicantFamilyName", "Mustermann")
        .putValue("street", "Königstraße").putValue("houseNumber", "1a")
        .putValue("postalCode", "70173").putValue("city", "Stuttgart")
        .putValue("licencePlate", "S-EM 1234").putValue("vehicleClass", "car")
        .putValue("companyCar", false).putValue("validityMonths", "12")
        .putValue("desiredStart", "2026-12-01").putValue("consentRegisterLookUp", true);
  }

  ProcessInstance apply(VariableMap variables) {
    engine.getIdentityService().setAuthenticatedUserId("citizen-42");
    try {
      ProcessInstance instance = engine.getRuntimeService()
          .startProcessInstanceByKey("residentParkingPermit", businessKey, variables);
      runJobs();
      return instance;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task reviewTask() {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey("UserTask_ReviewApplication").singleResult();
    assertThat(task).as("open review task").isNotNull();
    assertThat(task.getName()).isEqualTo("Antrag prüfen");
    return task;
  }

  void decide(Task task, VariableMap decision) {
    engine.getTaskService().complete(task.getId(), decision);
    runJobs();
  }

  void pay() {
    engine.getRuntimeService().createMessageCorrelation("residentParkingPermit.paymentReceived")
        .processInstanceBusinessKey(businessKey).correlate();
    runJobs();
  }

  void fireTimer(ProcessInstance instance, String timerId) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().activityId(timerId).singleResult();
    assertThat(timer).as("timer %s", timerId).isNotNull();
    engine.getManagementService().executeJob(timer.getId());
    runJobs();
  }

  List<Job> timers(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list();
  }

  /** Executes async continuations (not timers) until the process waits; a failing job fails the test. */
  void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  List<String> activeActivities(ProcessInstance instance) {
    return engine.getRuntimeService().getActiveActivityIds(instance.getId());
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  List<String> passed(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .finished().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  void assertEndedAt(ProcessInstance instance, String endEventId) {
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getEndTime()).as("process ended").isNotNull();
    assertThat(passed(instance)).contains(endEventId);
    assertThat(timers(instance)).isEmpty();
  }

  static List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
  }

  static List<Map<String, Object>> callsTo(String bean) {
    return calls.stream().filter(call -> bean.equals(call.get("bean"))).toList();
  }

  /** A stand-in delegate that records its input parameters (the contract) and then acts. */
  static JavaDelegate recording(String bean, JavaDelegate action) {
    return execution -> {
      Map<String, Object> call = new HashMap<>(execution.getVariablesLocal());
      call.put("bean", bean);
      call.put("activityId", execution.getCurrentActivityId());
      calls.add(call);
      action.execute(execution);
    };
  }
}

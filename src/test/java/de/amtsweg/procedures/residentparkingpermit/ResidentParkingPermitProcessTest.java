package de.amtsweg.procedures.residentparkingpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import de.amtsweg.blocks.inquiry.InquiryService;
import de.amtsweg.cases.FormSubmissions.FormInput;
import de.amtsweg.cases.PaymentService;
import de.amtsweg.cases.ApplicationService;
import de.amtsweg.cases.CaseDocument;
import de.amtsweg.cases.CaseFile;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.CaseRepository;
import de.amtsweg.cases.DocumentStore;
import de.amtsweg.cases.PostboxStore;
import de.amtsweg.engine.ProcedureCatalog;
import de.amtsweg.security.Citizen;
import de.amtsweg.security.Clerk;
import de.amtsweg.tasklist.TaskWork;
import de.amtsweg.testsupport.ProcessCoverageTest;
import de.amtsweg.testsupport.Applications;
import de.amtsweg.testsupport.Jobs;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of residentParkingPermit, driven through the same services the portal and task list use. */
@ProcessCoverageTest
class ResidentParkingPermitProcessTest {

  static final Clerk CLARA = new Clerk("clara", "Clara Clerk", Set.of("parking-office"));

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired ProcedureCatalog catalog;
  @Autowired TaskWork tasks;
  @Autowired InquiryService inquiries;
  @Autowired PaymentService payments;
  @Autowired CaseRepository cases;
  @Autowired CaseFile caseFile;
  @Autowired DocumentStore documents;
  @Autowired PostboxStore postbox;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired Jobs jobs;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    Jobs.resetClock();
  }

  CaseRecord apply(Citizen citizen, Map<String, Object> data) {
    var outcome = applications.apply(catalog.byKey("residentParkingPermit").orElseThrow(), citizen,
        FormInput.of(data), null, Locale.GERMAN);
    assertThat(outcome.errors()).isEmpty();
    jobs.runDue();
    return outcome.caseRecord();
  }

  ProcessInstance instance(CaseRecord c) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
  }

  org.camunda.bpm.engine.history.HistoricProcessInstance history(CaseRecord c) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(c.processInstanceId())
        .singleResult();
  }

  String reviewTask(CaseRecord c) {
    return tasks.queue(CLARA).stream()
        .filter(i -> i.caseRecord() != null && i.caseRecord().caseNumber().equals(c.caseNumber()))
        .map(i -> i.task().getId()).findFirst().orElseThrow(() -> new AssertionError("no review task for " + c));
  }

  void decide(CaseRecord c, Map<String, Object> decision) {
    var completion = tasks.complete(reviewTask(c), CLARA, FormInput.of(decision), Locale.GERMAN);
    assertThat(completion.errors()).isEmpty();
    assertThat(completion.outcome()).isEqualTo(TaskWork.Outcome.DONE);
    jobs.runDue();
  }

  void pay(CaseRecord c) {
    var payment = caseFile.of(cases.byNumber(c.caseNumber()).orElseThrow()).payments().get(0);
    assertThat(payment.payable()).isTrue();
    assertThat(payments.confirm(payment.payment().id(), "TEST-1")).isEqualTo(PaymentService.Result.CONFIRMED);
    jobs.runDue();
  }

  String pdfText(String documentId) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(documents.content(documentId))) {
      return new PDFTextStripper().getText(pdf);
    }
  }

  List<CaseDocument> notices(CaseRecord c) {
    return documents.byCase(c.id()).stream().filter(d -> d.kind() == CaseDocument.Kind.NOTICE).toList();
  }

  CaseRecord reload(CaseRecord c) {
    return cases.byNumber(c.caseNumber()).orElseThrow();
  }

  @Test
  void straightThroughWhenRegistersConfirmEverything_thenPaymentIssuesPermit() throws IOException {
    CaseRecord c = apply(Applications.ERIKA, Applications.erika());

    assertThat(instance(c)).isWaitingAt("ReceiveTask_AwaitPayment");
    assertThat(instance(c)).hasNotPassed("UserTask_ReviewApplication");
    assertThat(runtimeService.getVariable(c.processInstanceId(), "fee")).isEqualTo(120.0);
    assertThat(runtimeService.getVariable(c.processInstanceId(), "parkingZone")).isEqualTo("S-Mitte 1");
    List<CaseDocument> notices = notices(c);
    assertThat(notices).hasSize(1);
    assertThat(pdfText(notices.get(0).id())).contains(c.caseNumber(), "120,00", "Rechtsbehelfsbelehrung");
    assertThat(postbox.forCase(c.id())).extracting(PostboxStore.Message::documentId).contains(notices.get(0).id());

    pay(c);

    assertThat(history(c).getEndActivityId()).isEqualTo("EndEvent_PermitIssued");
    CaseRecord done = reload(c);
    assertThat(done.status()).isEqualTo(CaseRecord.Status.CLOSED);
    assertThat(done.currentStatus()).isEqualTo("Bewohnerparkausweis ausgestellt");
    assertThat(cases.timeline(c.id())).extracting(t -> t.statusDe()).containsSubsequence(
        "Antrag eingegangen", "Angaben werden mit den Registern abgeglichen", "Bescheid zugestellt – Gebühr offen",
        "Warten auf Zahlungseingang", "Bewohnerparkausweis ausgestellt");
    assertThat(notices(c)).hasSize(2);
    assertThat(pdfText(notices(c).get(1).id())).contains("S-EM 1234", "S-Mitte 1");
  }

  @Test
  void unclearCaseGoesToClerkWhoApproves() {
    CaseRecord c = apply(Applications.MAX, Applications.max());

    assertThat(instance(c)).isWaitingAt("UserTask_ReviewApplication");
    assertThat(runtimeService.getVariable(c.processInstanceId(), "residenceConfirmed")).isEqualTo(false);
    assertThat(reload(c).currentStatus()).isEqualTo("Antrag wird von der Sachbearbeitung geprüft");

    decide(c, Map.of("decision", "approve"));

    assertThat(instance(c)).isWaitingAt("ReceiveTask_AwaitPayment");
    assertThat(runtimeService.getVariable(c.processInstanceId(), "fee")).isEqualTo(120.0);
    pay(c);
    assertThat(history(c).getEndActivityId()).isEqualTo("EndEvent_PermitIssued");
  }

  @Test
  void clerkRejectsWithReasonInTheNotice() throws IOException {
    CaseRecord c = apply(Applications.MAX, Applications.max());

    decide(c, Map.of("decision", "reject",
        "rejectionReason", "Sie sind unter der angegebenen Anschrift nicht mit Hauptwohnsitz gemeldet."));

    assertThat(history(c).getEndActivityId()).isEqualTo("EndEvent_Rejected");
    assertThat(reload(c).status()).isEqualTo(CaseRecord.Status.CLOSED);
    assertThat(pdfText(notices(c).get(0).id()))
        .contains("nicht mit Hauptwohnsitz gemeldet", "Rechtsbehelfsbelehrung");
  }

  @Test
  void inquiryAnsweredReturnsToClerk() {
    CaseRecord c = apply(Applications.MAX, Applications.max());
    decide(c, Map.of("decision", "inquire",
        "inquiryQuestion", "Bitte laden Sie Ihre Meldebescheinigung hoch."));

    assertThat(instance(c)).isWaitingAt("ReceiveTask_AwaitInquiryAnswer");
    var inquiry = caseFile.of(reload(c)).inquiries().get(0);
    assertThat(inquiry.answerable()).isTrue();
    assertThat(postbox.forCase(c.id())).extracting(PostboxStore.Message::body)
        .anyMatch(b -> b.contains("Meldebescheinigung"));

    var answer = inquiries.answer(reload(c), inquiry.inquiry(),
        FormInput.of(Map.of("answerText", "Ich bin seit Oktober gemeldet, die Bescheinigung folgt.")), Locale.GERMAN);
    assertThat(answer.errors()).isEmpty();
    jobs.runDue();

    assertThat(instance(c)).isWaitingAt("UserTask_ReviewApplication");
    assertThat(runtimeService.getVariable(c.processInstanceId(), "inquiryAnswerText"))
        .isEqualTo("Ich bin seit Oktober gemeldet, die Bescheinigung folgt.");
    assertThat(caseFile.of(reload(c)).inquiries().get(0).answerable()).isFalse();
  }

  @Test
  void inquiryUnansweredGetsReminderThenWithdrawn() {
    CaseRecord c = apply(Applications.MAX, Applications.max());
    decide(c, Map.of("decision", "inquire", "inquiryQuestion", "Bitte laden Sie die Zulassung hoch."));
    int messagesBefore = postbox.forCase(c.id()).size();

    jobs.passTime(Duration.ofDays(14).plusMinutes(1));

    assertThat(instance(c)).isWaitingAt("ReceiveTask_AwaitInquiryAnswer");
    assertThat(postbox.forCase(c.id())).hasSize(messagesBefore + 1);
    assertThat(postbox.forCase(c.id()).get(messagesBefore).subject()).startsWith("Erinnerung");

    jobs.passTime(Duration.ofDays(7));

    assertThat(history(c).getEndActivityId()).isEqualTo("EndEvent_Withdrawn");
    assertThat(reload(c).currentStatus()).isEqualTo("Antrag gilt als zurückgenommen");
    assertThat(caseFile.of(reload(c)).inquiries().get(0).answerable()).isFalse();
  }

  @Test
  void paymentDeadlineMissedEndsTheProcedureWithoutPermit() {
    CaseRecord c = apply(Applications.ERIKA, Applications.erika());
    assertThat(instance(c)).isWaitingAt("ReceiveTask_AwaitPayment");

    jobs.passTime(Duration.ofDays(30).plusMinutes(1));

    assertThat(history(c).getEndActivityId()).isEqualTo("EndEvent_PaymentMissed");
    assertThat(notices(c)).hasSize(1);
    var payment = caseFile.of(reload(c)).payments().get(0);
    assertThat(payment.payable()).isFalse();
    assertThat(payments.confirm(payment.payment().id(), "LATE")).isEqualTo(PaymentService.Result.NOT_AWAITED);
  }
}

package de.amtsweg.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.cases.FormSubmissions.FormInput;
import de.amtsweg.engine.ProcedureCatalog;
import de.amtsweg.forms.UploadedFile;
import de.amtsweg.testsupport.AmtswegSpringTest;
import de.amtsweg.testsupport.Applications;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A submission is atomic: if starting the process fails after the case and its documents were
 * written, none of them stays behind — and the case number is not burnt either.
 */
@AmtswegSpringTest
class SubmissionAtomicityTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcedureCatalog catalog;
  @Autowired ApplicationService applications;
  @Autowired CaseRepository cases;
  @Autowired DocumentStore documents;
  String deploymentId;

  @BeforeEach
  void deployProcedureWhoseFirstStepFails() throws IOException {
    BpmnModelInstance model = Bpmn.createExecutableProcess("brokenProcedure").name("Kaputtes Verfahren")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Submitted").camundaFormRef("inquiry-answer").camundaFormRefBinding("deployment")
        .serviceTask("ServiceTask_Fails").camundaDelegateExpression("${noSuchBean}")
        .endEvent().done();
    var process = model.getModelElementById("brokenProcedure");
    var ext = model.newInstance(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class);
    var props = ext.addExtensionElement(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class);
    for (String[] p : new String[][] {{"caseNumberPrefix", "XXX"}, {"office", "parking-office"}}) {
      var property = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty.class);
      property.setCamundaName(p[0]);
      property.setCamundaValue(p[1]);
      props.addChildElement(property);
    }
    ((org.camunda.bpm.model.bpmn.instance.Process) process).setExtensionElements(ext);
    deploymentId = repositoryService.createDeployment().name("atomicity-test")
        .addModelInstance("broken.bpmn", model)
        .addString("inquiry-answer.form", Files.readString(Path.of("forms/inquiry-answer.form")))
        .deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void anIdempotencyKeyBelongsToOneProcedure() {
    var parking = applications.apply(catalog.byKey("residentParkingPermit").orElseThrow(), Applications.ERIKA,
        FormInput.of(Applications.erika()), "shared-key", Locale.GERMAN);
    assertThat(parking.created()).isTrue();
    // the same key for another procedure is a new application (which here fails), not the parking case
    assertThatThrownBy(() -> applications.apply(catalog.byKey("brokenProcedure").orElseThrow(), Applications.ERIKA,
        FormInput.of(Map.of("answerText", "x")), "shared-key", Locale.GERMAN)).hasMessageContaining("noSuchBean");
  }

  @Test
  void failingProcessStartLeavesNoCaseNoDocumentAndNoNumberBehind() {
    long casesBefore = cases.count();
    long documentsBefore = documents.count();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();
    var procedure = catalog.byKey("brokenProcedure").orElseThrow();
    UploadedFile pdf = new UploadedFile("beleg.pdf", "application/pdf",
        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    FormInput input = FormInput.of(Map.of("answerText", "Hallo", "answerDocuments", List.of(pdf)));

    assertThatThrownBy(() -> applications.apply(procedure, Applications.ERIKA, input, "atomic-1", Locale.GERMAN))
        .hasMessageContaining("noSuchBean");

    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(documents.count()).isEqualTo(documentsBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(cases.byIdempotencyKey("erika", "brokenProcedure", "atomic-1")).isEmpty();
    // the counter rolled back with the rest: the next number is still the first of the year
    assertThatThrownBy(() -> applications.apply(procedure, Applications.ERIKA, input, null, Locale.GERMAN));
    assertThat(cases.lastNumber("XXX", EngineClock.now().getYear())).isZero();
  }
}

package de.amtsweg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.cases.FormSubmissions.FormInput;
import de.amtsweg.cases.ApplicationService;
import de.amtsweg.testsupport.AmtswegSpringTest;
import de.amtsweg.testsupport.Applications;
import de.amtsweg.testsupport.Jobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** What a process designer sees: edit a file, restart, the next application uses it; unchanged files stay. */
@AmtswegSpringTest
class ModelDeployerTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcedureCatalog catalog;
  @Autowired ApplicationService applications;
  @Autowired Jobs jobs;

  long versions(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count();
  }

  long decisionVersions(String key) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count();
  }

  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  @Test
  void redeployingUnchangedFilesCreatesNoNewVersion() {
    long processes = versions("residentParkingPermit");
    long fees = decisionVersions("residentParkingFee");

    new ModelDeployer(repositoryService, new ModelProperties("processes", "forms")).deployAll();

    assertThat(versions("residentParkingPermit")).isEqualTo(processes);
    assertThat(decisionVersions("residentParkingFee")).isEqualTo(fees);
  }

  @Test
  void changedFeeTableIsUsedByTheNextApplicationWithoutTouchingTheProcess(@TempDir Path dir) throws IOException {
    Path processes = dir.resolve("processes");
    Path forms = dir.resolve("forms");
    copy(Path.of("processes"), processes);
    copy(Path.of("forms"), forms);
    Path dmn = processes.resolve("resident-parking-fee.dmn");
    String original = Files.readString(dmn);
    assertThat(original).contains("120.00");
    Files.writeString(dmn, original.replaceFirst("120\\.00", "150.00"));
    long processVersions = versions("residentParkingPermit");
    long feeVersions = decisionVersions("residentParkingFee");

    try {
      new ModelDeployer(repositoryService, new ModelProperties(processes.toString(), forms.toString())).deployAll();

      assertThat(decisionVersions("residentParkingFee")).isEqualTo(feeVersions + 1);
      assertThat(versions("residentParkingPermit")).isEqualTo(processVersions);
      var outcome = applications.apply(catalog.byKey("residentParkingPermit").orElseThrow(), Applications.ERIKA,
          FormInput.of(Applications.erika()), null, Locale.GERMAN);
      jobs.runDue();
      assertThat(runtimeService.getVariable(outcome.caseRecord().processInstanceId(), "fee")).isEqualTo(150.0);
    } finally {
      // back to the shipped table for the other tests sharing this engine
      new ModelDeployer(repositoryService, new ModelProperties("processes", "forms")).deployAll();
    }
    var outcome = applications.apply(catalog.byKey("residentParkingPermit").orElseThrow(), Applications.ERIKA,
        FormInput.of(Applications.erika()), null, Locale.GERMAN);
    jobs.runDue();
    assertThat(runtimeService.getVariable(outcome.caseRecord().processInstanceId(), "fee")).isEqualTo(120.0);
  }

  @Test
  void brokenModelOrMissingFormStopsStartupWithAClearMessage(@TempDir Path dir) throws IOException {
    Path processes = dir.resolve("processes");
    Path forms = dir.resolve("forms");
    copy(Path.of("processes"), processes);
    Files.createDirectories(forms);

    assertThatThrownBy(() -> new ModelDeployer(repositoryService,
        new ModelProperties(processes.toString(), forms.toString())).deployAll())
        .hasMessageContaining("resident-parking-permit.bpmn references form 'resident-parking-permit-").hasMessageContaining("does not exist");

    assertThatThrownBy(() -> new ModelDeployer(repositoryService,
        new ModelProperties(dir.resolve("nowhere").toString(), forms.toString())).deployAll())
        .hasMessageContaining("does not exist");
  }
}

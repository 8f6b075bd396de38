package de.amtsweg.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsweg.cases.CaseRepository;
import de.amtsweg.cases.DocumentStore;
import de.amtsweg.testsupport.AmtswegSpringTest;
import de.amtsweg.testsupport.Applications;
import de.amtsweg.testsupport.Http;
import de.amtsweg.testsupport.Jobs;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Ownership and office checks on every read; the engine's own surfaces fenced. */
@AmtswegSpringTest
class AccessControlTest {

  static final String APPLY = "/api/procedures/residentParkingPermit/applications";

  @LocalServerPort int port;
  @Autowired Jobs jobs;
  @Autowired CaseRepository cases;
  @Autowired DocumentStore documents;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  String erikasCaseWithNotice() {
    String caseNumber = http.post(APPLY, "erika", Applications.erika()).json().get("caseNumber").asText();
    jobs.runDue();
    return caseNumber;
  }

  @Test
  void maxCannotReadErikasCaseOrDocuments() {
    String caseNumber = erikasCaseWithNotice();
    String documentId = documents.byCase(cases.byNumber(caseNumber).orElseThrow().id()).get(0).id();

    assertThat(http.get("/api/cases/" + caseNumber, "erika").status()).isEqualTo(200);
    assertThat(http.get("/api/documents/" + documentId, "erika").status()).isEqualTo(200);

    assertThat(http.get("/api/cases/" + caseNumber, "max").status()).isEqualTo(404);
    assertThat(http.get("/api/documents/" + documentId, "max").status()).isEqualTo(404);
    assertThat(http.get("/api/postbox", "max").json().findValuesAsText("caseNumber")).doesNotContain(caseNumber);
    // a clerk of another office does not get it either; one of the responsible office does
    assertThat(http.get("/api/documents/" + documentId, "olga").status()).isEqualTo(404);
    assertThat(http.get("/api/documents/" + documentId, "clara").status()).isEqualTo(200);
  }

  /** Max is in neither register: his application waits for the parking office. */
  String maxsCaseForTheClerk() {
    String caseNumber = http.post(APPLY, "max", Applications.max()).json().get("caseNumber").asText();
    jobs.runDue();
    return caseNumber;
  }

  /** The review task of the case, as clara's queue lists it (null if she does not see it). */
  String reviewTaskOf(String caseNumber) {
    for (JsonNode t : http.get("/api/tasks", "clara").json()) {
      if (caseNumber.equals(t.path("caseNumber").asText())) {
        return t.get("id").asText();
      }
    }
    return null;
  }

  @Test
  void olgaCannotSeeOrCompleteParkingTasks() {
    String caseNumber = maxsCaseForTheClerk();
    String taskId = reviewTaskOf(caseNumber);
    assertThat(taskId).as("clara sees the parking task").isNotNull();

    assertThat(http.get("/api/tasks", "olga").json().findValuesAsText("caseNumber")).doesNotContain(caseNumber);
    assertThat(http.get("/api/tasks?group=parking-office", "olga").json().findValuesAsText("caseNumber"))
        .as("asking for another office's queue").doesNotContain(caseNumber);
    assertThat(http.get("/api/tasks?group=parking-office", "clara").json().findValuesAsText("caseNumber"))
        .contains(caseNumber);
    assertThat(http.post("/api/tasks/" + taskId + "/claim", "olga", Map.of()).status()).isEqualTo(404);
    assertThat(http.post("/api/tasks/" + taskId + "/complete", "olga", Map.of("decision", "approve")).status())
        .isEqualTo(404);
    assertThat(http.get("/api/cases/" + caseNumber, "olga").status()).isIn(403, 404);
  }

  @Test
  void claimedTaskIsConflictForOthersAndCompletedTaskToo() {
    String caseNumber = maxsCaseForTheClerk();
    String taskId = reviewTaskOf(caseNumber);
    assertThat(http.post("/api/tasks/" + taskId + "/claim", "clara", Map.of()).status()).isEqualTo(200);
    assertThat(http.post("/api/tasks/" + taskId + "/claim", "carl", Map.of()).status()).isEqualTo(409);
    assertThat(http.post("/api/tasks/" + taskId + "/complete", "carl", Map.of("decision", "approve")).status())
        .isEqualTo(409);

    Http.Response invalid = http.post("/api/tasks/" + taskId + "/complete", "clara", Map.of("decision", "reject"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("errors").has("rejectionReason")).isTrue();

    assertThat(http.post("/api/tasks/" + taskId + "/complete", "clara", Map.of("decision", "approve")).status())
        .isEqualTo(204);
    assertThat(http.post("/api/tasks/" + taskId + "/complete", "clara", Map.of("decision", "approve")).status())
        .isEqualTo(409);
  }

  @Test
  void wrongPasswordsSlowAClerkDownButNeverLockHerOut() {
    try {
      for (int i = 0; i < 12; i++) {
        assertThat(identityService.checkPassword("carl", "guess-" + i)).isFalse();
      }
      // Camunda would have locked carl for good after 10; here only its delay (at most a minute) applies
      org.camunda.bpm.engine.impl.util.ClockUtil.offset(java.time.Duration.ofMinutes(2).toMillis());
      assertThat(identityService.checkPassword("carl", "carl")).isTrue();
    } finally {
      Jobs.resetClock();
    }
  }

  @Test
  void unauthenticatedCallsAreRefused() {
    assertThat(http.get("/api/cases/BPP-2026-000001", null).status()).isEqualTo(401);
    assertThat(http.get("/api/postbox", null).status()).isEqualTo(401);
    assertThat(http.get("/api/tasks", null).status()).isEqualTo(401);
    assertThat(http.post(APPLY, null, Applications.erika()).status()).isEqualTo(401);
    assertThat(http.get("/api/postbox", "erika-wrong").status()).isEqualTo(401);
  }

  @Test
  void engineRestIsForAdministratorsOnly() {
    assertThat(http.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", "erika").status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", "clara").status()).isEqualTo(403);
    assertThat(http.get("/engine-rest/engine", "admin").status()).isEqualTo(200);
  }

  @Test
  void camundaWebappApisRefuseAnonymousCallersAndSetupIsClosed() {
    assertThat(http.get("/camunda/api/engine/engine/default/process-definition", null).status()).isIn(401, 403);
    assertThat(http.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null).status())
        .isIn(401, 403);
    assertThat(http.post("/camunda/api/admin/setup/default/user/create", null,
        Map.of("profile", Map.of("id", "evil"), "credentials", Map.of("password", "evil"))).status()).isIn(401, 403);
  }

  @Test
  void nonsenseLanguageParameterIsIgnored() {
    assertThat(http.get("/?lang=a%20b", null).status()).isEqualTo(200);
  }

  @Test
  void actuatorShowsHealthOnly() {
    assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    // not exposed: the portal's login redirect answers, never the metrics or the environment
    assertThat(http.get("/actuator/metrics", "erika").status()).isNotEqualTo(200);
    assertThat(http.get("/actuator/env", "admin").status()).isNotEqualTo(200);
  }

  @Test
  void portalPagesNeedACitizenLogin() {
    Http.Response r = http.get("/cases", null);
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
    Http.Response tasks = http.get("/tasks", null);
    assertThat(tasks.status()).isEqualTo(302);
    assertThat(tasks.headers().firstValue("Location").orElse("")).endsWith("/tasks/login");
  }
}

package de.amtsweg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsweg.cases.CaseRepository;
import de.amtsweg.cases.DocumentStore;
import de.amtsweg.testsupport.AmtswegSpringTest;
import de.amtsweg.testsupport.Applications;
import de.amtsweg.testsupport.Http;
import de.amtsweg.testsupport.Jobs;
import de.amtsweg.testsupport.TestMail;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The JSON API as another online service uses it: submit, read status, postbox, documents. */
@AmtswegSpringTest
class ApplicationApiTest {

  static final String APPLY = "/api/procedures/residentParkingPermit/applications";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired CaseRepository cases;
  @Autowired DocumentStore documents;
  @Autowired RuntimeService runtimeService;
  @Autowired Jobs jobs;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static Map<String, Object> file(String name, byte[] content) {
    return Map.of("name", name, "contentBase64", Base64.getEncoder().encodeToString(content));
  }

  @Test
  void catalogListsTheProcedure() {
    Http.Response r = http.get("/api/procedures", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().findValuesAsText("processKey")).contains("residentParkingPermit");
  }

  @Test
  void submitThenReadStatusTimelineAndNoticeInPostbox() throws Exception {
    Http.Response created = http.post(APPLY, "erika", Applications.erika());

    assertThat(created.status()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    assertThat(caseNumber).matches("BPP-\\d{4}-\\d{6}");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/cases/" + caseNumber);

    jobs.runDue();

    JsonNode status = http.get("/api/cases/" + caseNumber, "erika").json();
    assertThat(status.get("status").asText()).isEqualTo("Warten auf Zahlungseingang");
    assertThat(status.get("timeline").findValuesAsText("status")).contains("Antrag eingegangen");
    assertThat(status.get("openPayments").get(0).get("amount").decimalValue()).isEqualByComparingTo("120.00");

    JsonNode postbox = http.get("/api/postbox", "erika").json();
    JsonNode message = null;
    for (JsonNode m : postbox) {
      if (m.get("caseNumber").asText().equals(caseNumber) && m.has("document")) {
        message = m;
      }
    }
    assertThat(message).as("notice in postbox").isNotNull();
    Http.Response pdf = http.get(message.get("document").asText(), "erika");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    // the notification mail went over real SMTP, says where to look, and carries no document
    var mails = TestMail.to("erika@example.org");
    assertThat(mails).isNotEmpty();
    var mail = mails.get(mails.size() - 1);
    assertThat(mail.getSubject()).contains(caseNumber);
    assertThat(mail.getContentType()).startsWith("text/plain");
    assertThat(mail.getContent().toString()).contains("/postbox").doesNotContain("%PDF");
  }

  @Test
  void sameIdempotencyKeyYieldsOneCase() {
    String key = UUID.randomUUID().toString();
    long before = cases.count();

    Http.Response first = http.post(APPLY, "erika", Applications.erika(), key);
    Http.Response second = http.post(APPLY, "erika", Applications.erika(), key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("caseNumber")).isEqualTo(first.json().get("caseNumber"));
    assertThat(cases.count()).isEqualTo(before + 1);
  }

  @Test
  void companyCarNeedsEmployerCertificateStoredAsDocument() {
    Map<String, Object> data = new HashMap<>(Applications.erika());
    data.put("companyCar", true);
    Http.Response missing = http.post(APPLY, "erika", data);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").has("employerCertificate")).isTrue();

    data.put("employerCertificate", List.of(file("../../etc/Bescheinigung Arbeitgeber.pdf", PDF)));
    Http.Response ok = http.post(APPLY, "erika", data);
    assertThat(ok.status()).isEqualTo(201);
    JsonNode status = http.get("/api/cases/" + ok.json().get("caseNumber").asText(), "erika").json();
    JsonNode doc = status.get("documents").get(0);
    assertThat(doc.get("kind").asText()).isEqualTo("UPLOAD");
    assertThat(doc.get("fileName").asText()).isEqualTo("Bescheinigung_Arbeitgeber.pdf");
  }

  static List<Object[]> invalidApplications() {
    return List.of(
        invalid("missing plate", d -> d.remove("licencePlate"), "licencePlate"),
        invalid("bad plate pattern", d -> d.put("licencePlate", "not a plate"), "licencePlate"),
        invalid("bad postal code", d -> d.put("postalCode", "7017"), "postalCode"),
        invalid("unknown vehicle class", d -> d.put("vehicleClass", "tank"), "vehicleClass"),
        invalid("validity not an option", d -> d.put("validityMonths", "7"), "validityMonths"),
        invalid("no consent", d -> d.put("consentRegisterLookUp", false), "consentRegisterLookUp"),
        invalid("remarks too long", d -> d.put("remarks", "x".repeat(1001)), "remarks"),
        invalid("bad date", d -> d.put("desiredStart", "31.12.2026"), "desiredStart"),
        invalid("upload over 10 MB", d -> {
          d.put("companyCar", true);
          byte[] big = new byte[10 * 1024 * 1024 + 1];
          System.arraycopy(PDF, 0, big, 0, PDF.length);
          d.put("employerCertificate", List.of(file("huge.pdf", big)));
        }, "employerCertificate"),
        invalid("file entry without content", d -> {
          d.put("companyCar", true);
          d.put("employerCertificate", List.of(Map.of("name", "x.pdf")));
        }, "employerCertificate"),
        invalid("text disguised as pdf", d -> {
          d.put("companyCar", true);
          d.put("employerCertificate", List.of(file("certificate.pdf", "just text".getBytes(StandardCharsets.UTF_8))));
        }, "employerCertificate"));
  }

  static Object[] invalid(String name, Consumer<Map<String, Object>> change, String field) {
    return new Object[] {name, change, field};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidApplications")
  void invalidDataIsRefusedAndNothingStored(String name, Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> data = new HashMap<>(Applications.erika());
    change.accept(data);
    long casesBefore = cases.count();
    long documentsBefore = documents.count();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    Http.Response r = http.post(APPLY, "erika", data);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").has(field)).as(r.body()).isTrue();
    assertThat(r.json().get("errors").get(field).asText()).isNotBlank();
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(documents.count()).isEqualTo(documentsBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void uploadErrorsNameTheReason() {
    Map<String, Object> data = new HashMap<>(Applications.erika());
    data.put("companyCar", true);
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    data.put("employerCertificate", List.of(file("huge.pdf", big)));
    assertThat(http.post(APPLY, "erika", data).json().at("/errors/employerCertificate").asText())
        .contains("zu groß", "10 MB");

    data.put("employerCertificate", List.of(file("certificate.pdf", "just text".getBytes(StandardCharsets.UTF_8))));
    assertThat(http.post(APPLY, "erika", data).json().at("/errors/employerCertificate").asText())
        .contains("Dateityp");
  }

  @Test
  void aFileForAFieldTheFormHidesIsIgnoredNotHeldAgainstTheUser() {
    Map<String, Object> data = new HashMap<>(Applications.erika());
    data.put("companyCar", false); // the employer's certificate is hidden
    data.put("employerCertificate", List.of(file("notes.pdf", "just text".getBytes(StandardCharsets.UTF_8))));
    long documentsBefore = documents.count();

    Http.Response r = http.post(APPLY, "erika", data);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(documents.count()).isEqualTo(documentsBefore);
  }

  /** Announces a body of the given length and sends none of it: the answer must come before the body. */
  String statusLineForAnnouncedBody(String path, long contentLength, String extraHeader) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      String auth = Base64.getEncoder().encodeToString("erika:erika".getBytes(StandardCharsets.UTF_8));
      String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
          + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n"
          + (extraHeader == null ? "" : extraHeader + "\r\n") + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  @Test
  void oversizedBodiesAreRefusedBeforeTheyAreRead() throws IOException {
    long before = cases.count();
    assertThat(statusLineForAnnouncedBody(APPLY, 41L * 1024 * 1024, null)).contains(" 413");
    assertThat(statusLineForAnnouncedBody("/api/payments/callback", 64 * 1024, "X-Payment-Signature: 00"))
        .contains(" 413");
    // an unsigned callback is refused without waiting for its body at all
    assertThat(statusLineForAnnouncedBody("/api/payments/callback", 1000, null)).contains(" 401");
    assertThat(cases.count()).isEqualTo(before);
  }

  @Test
  void unknownFieldsAreDroppedAndNamesComeFromTheLogin() {
    Map<String, Object> data = new HashMap<>(Applications.erika());
    data.put("isAdmin", true);
    data.put("applicantFamilyName", "Someone Else");
    Http.Response r = http.post(APPLY, "erika", data);
    assertThat(r.status()).isEqualTo(201);
    String pi = cases.byNumber(r.json().get("caseNumber").asText()).orElseThrow().processInstanceId();
    assertThat(runtimeService.getVariables(pi)).doesNotContainKey("isAdmin")
        .containsEntry("applicantFamilyName", "Mustermann");
  }
}

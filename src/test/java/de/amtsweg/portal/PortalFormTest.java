package de.amtsweg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsweg.cases.CaseRepository;
import de.amtsweg.cases.DocumentStore;
import de.amtsweg.testsupport.AmtswegSpringTest;
import de.amtsweg.testsupport.Http;
import de.amtsweg.testsupport.Jobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server-rendered portal as a browser without JavaScript uses it: real HTTP, a session cookie,
 * CSRF tokens read from the pages, multipart form posts built by hand, redirects not followed.
 */
@AmtswegSpringTest
class PortalFormTest {

  static final String APPLY = "/apply/residentParkingPermit";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final Pattern CASE_LOCATION = Pattern.compile("/cases/(BPP-\\d{4}-\\d{6})\\?submitted$");

  @LocalServerPort int port;
  @Autowired CaseRepository cases;
  @Autowired DocumentStore documents;
  @Autowired RuntimeService runtimeService;
  @Autowired Jobs jobs;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  Browser erika;

  @BeforeEach
  void signIn() {
    erika = new Browser(port);
    erika.login("erika");
  }

  // ---------------------------------------------------------------------------------------------- login, CSRF

  @Test
  void loginWithTheFormsCsrfTokenLeadsToMyCases() {
    Browser b = new Browser(port);
    Page login = b.get("/login");
    assertThat(login.status()).isEqualTo(200);
    String csrf = login.hiddenValue("_csrf");
    assertThat(csrf).isNotBlank();

    Page r = b.postForm("/login", List.of(Map.entry("username", "erika"), Map.entry("password", "erika"),
        Map.entry("_csrf", csrf)));

    assertThat(r.status()).isEqualTo(302);
    assertThat(r.location()).isEqualTo("/cases");
    Page myCases = b.get("/cases");
    assertThat(myCases.status()).isEqualTo(200);
    assertThat(myCases.html()).contains("<h1>Meine Anträge</h1>").contains("Abmelden");
  }

  @Test
  void formsWithoutCsrfTokenAreRefused() {
    Browser b = new Browser(port);
    b.get("/login"); // has a session, just no token in the form
    Page login = b.postForm("/login", List.of(Map.entry("username", "erika"), Map.entry("password", "erika")));
    assertThat(login.status()).isEqualTo(403);
    Page stillAnonymous = b.get("/cases");
    assertThat(stillAnonymous.status()).isEqualTo(302);
    assertThat(stillAnonymous.location()).isEqualTo("/login");

    // a signed-in citizen's application without token: refused, nothing stored
    long before = cases.count();
    Page form = erika.get(APPLY);
    List<Part> parts = validApplication(form, "S-EM 1234").stream()
        .filter(p -> !p.name().equals("_csrf")).toList();
    Page apply = erika.postMultipart(APPLY, parts);
    assertThat(apply.status()).isEqualTo(403);
    assertThat(cases.count()).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------------- applying

  @Test
  void applyFormHasNamePrefilledReadonlyAndAnIdempotencyKey() {
    Page form = erika.get(APPLY);

    assertThat(form.status()).isEqualTo(200);
    assertThat(form.html()).contains("enctype=\"multipart/form-data\"");
    String givenName = form.inputTag("f-applicantGivenName");
    String familyName = form.inputTag("f-applicantFamilyName");
    assertThat(attr(givenName, "value")).isEqualTo("Erika");
    assertThat(attr(familyName, "value")).isEqualTo("Mustermann");
    assertThat(givenName).contains(" readonly");
    assertThat(familyName).contains(" readonly");
    assertThat(form.hiddenValue("_idempotencyKey")).matches("[0-9a-f-]{36}");
    assertThat(form.hiddenValue("_csrf")).isNotBlank();
    // a second visit is a second application: a new key
    assertThat(erika.get(APPLY).hiddenValue("_idempotencyKey")).isNotEqualTo(form.hiddenValue("_idempotencyKey"));
  }

  @Test
  void invalidSubmissionShowsGermanErrorsAtTheFieldsKeepsTheInputAndStoresNothing() {
    Page form = erika.get(APPLY);
    List<Part> parts = replace(replace(validApplication(form, ""), "postalCode", "7017"), "street", "Königstraße");
    long casesBefore = cases.count();
    long documentsBefore = documents.count();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    Page r = erika.postMultipart(APPLY, parts);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.html()).contains("class=\"error-summary\"")
        .contains("Bitte korrigieren Sie die markierten Angaben (2).")
        .contains("href=\"#f-postalCode\"").contains("href=\"#f-licencePlate\"");
    assertThat(r.inputTag("f-postalCode")).contains("aria-invalid=\"true\"").contains("value=\"7017\"");
    assertThat(r.inputTag("f-licencePlate")).contains("aria-invalid=\"true\"");
    assertThat(r.fieldError("f-postalCode")).isEqualTo("Bitte geben Sie eine fünfstellige Postleitzahl an.");
    assertThat(r.fieldError("f-licencePlate")).isEqualTo("Bitte füllen Sie dieses Feld aus.");
    // what the citizen typed is still there, valid fields are not marked
    assertThat(attr(r.inputTag("f-street"), "value")).isEqualTo("Königstraße");
    assertThat(r.inputTag("f-street")).doesNotContain("aria-invalid");
    assertThat(attr(r.inputTag("f-houseNumber"), "value")).isEqualTo("1");
    // same application, same key: correcting and resubmitting must not create a second case
    assertThat(r.hiddenValue("_idempotencyKey")).isEqualTo(form.hiddenValue("_idempotencyKey"));
    assertThat(attr(r.inputTag("f-applicantFamilyName"), "value")).isEqualTo("Mustermann");

    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(documents.count()).isEqualTo(documentsBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void validSubmissionRedirectsToTheCaseShowingNumberAndTimeline() {
    Page form = erika.get(APPLY);
    long before = cases.count();

    Page r = erika.postMultipart(APPLY, validApplication(form, "S-EM 1234"));

    assertThat(r.status()).isEqualTo(302);
    String caseNumber = caseNumberFrom(r);
    assertThat(cases.count()).isEqualTo(before + 1);
    assertThat(cases.byNumber(caseNumber).orElseThrow().owner()).isEqualTo("erika");

    Page detail = erika.get(r.location());
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.html()).contains("Ihr Antrag ist eingegangen. Ihre Vorgangsnummer: " + caseNumber)
        .contains("<h1>Vorgang " + caseNumber);
    assertThat(detail.section("class=\"timeline\"")).contains("Antrag eingegangen");
    assertThat(erika.get("/cases").html()).contains(caseNumber);
  }

  @Test
  void caseStaysReadableWhenTheProcedureIsSuspended() {
    Page r = erika.postMultipart(APPLY, validApplication(erika.get(APPLY), "S-EM 1234"));
    String caseNumber = caseNumberFrom(r);
    String definitionId = cases.byNumber(caseNumber).orElseThrow().processDefinitionId();
    repositoryService.suspendProcessDefinitionById(definitionId);
    try {
      Page detail = erika.get("/cases/" + caseNumber);
      assertThat(detail.status()).isEqualTo(200);
      assertThat(detail.html()).contains("Königstraße", "S-EM 1234");
      assertThat(erika.get(APPLY).status()).as("no new applications").isEqualTo(404);
    } finally {
      repositoryService.activateProcessDefinitionById(definitionId);
    }
  }

  @Test
  void doubleSubmitWithTheSameKeyYieldsOneCase() {
    Page form = erika.get(APPLY);
    List<Part> parts = validApplication(form, "S-EM 1234");
    long before = cases.count();

    Page first = erika.postMultipart(APPLY, parts);
    Page second = erika.postMultipart(APPLY, parts);

    assertThat(first.status()).isEqualTo(302);
    assertThat(second.status()).isEqualTo(302);
    assertThat(second.location()).isEqualTo(first.location());
    caseNumberFrom(first);
    assertThat(cases.count()).isEqualTo(before + 1);
  }

  @Test
  void remarksAreShownEscapedOnTheCasePage() {
    Page form = erika.get(APPLY);
    String evil = "<script>alert(1)</script>";
    Page r = erika.postMultipart(APPLY, replace(validApplication(form, "S-EM 1234"), "remarks", evil));
    assertThat(r.status()).isEqualTo(302);

    Page detail = erika.get(r.location());

    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.html()).doesNotContain("<script>alert(1)")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  // ---------------------------------------------------------------------------------------------- uploads

  @Test
  void employerCertificateUploadedAsFilePartIsStoredAndDownloadable() {
    long documentsBefore = documents.count();

    Page r = applyWithCompanyCar(erika, "Bescheinigung.pdf", PDF);

    assertThat(r.status()).isEqualTo(302);
    String caseNumber = caseNumberFrom(r);
    assertThat(documents.count()).isEqualTo(documentsBefore + 1);
    Page detail = erika.get(r.location());
    String documentId = documentIdOn(detail);
    assertThat(detail.section("aria-labelledby=\"h-documents\"")).contains("Bescheinigung.pdf");

    Http.Response pdf = erika.download("/documents/" + documentId);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.bytes()).isEqualTo(PDF);
    assertThat(documents.byCase(cases.byNumber(caseNumber).orElseThrow().id())).singleElement()
        .satisfies(d -> assertThat(d.contentType()).isEqualTo("application/pdf"));
  }

  @Test
  void textFileRenamedToPdfIsRefusedAtTheFieldAndNothingStored() {
    long casesBefore = cases.count();
    long documentsBefore = documents.count();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    Page r = applyWithCompanyCar(erika, "Bescheinigung.pdf",
        "Hiermit bescheinigen wir ...\n".getBytes(StandardCharsets.UTF_8));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.html()).contains("class=\"error-summary\"");
    assertThat(r.inputTag("f-employerCertificate")).contains("aria-invalid=\"true\"");
    assertThat(r.fieldError("f-employerCertificate"))
        .isEqualTo("Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, PNG und JPEG.");
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(documents.count()).isEqualTo(documentsBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void anotherCitizenGetsNotFoundForErikasCaseAndDocument() {
    Page r = applyWithCompanyCar(erika, "Bescheinigung.pdf", PDF);
    String caseNumber = caseNumberFrom(r);
    String documentId = documentIdOn(erika.get("/cases/" + caseNumber));
    assertThat(erika.download("/documents/" + documentId).status()).isEqualTo(200);

    Browser max = new Browser(port);
    max.login("max");

    assertThat(max.get("/cases/" + caseNumber).status()).isEqualTo(404);
    Http.Response document = max.download("/documents/" + documentId);
    assertThat(document.status()).isEqualTo(404);
    assertThat(document.bytes()).isNotEqualTo(PDF);
    assertThat(max.get("/cases").html()).doesNotContain(caseNumber);
  }

  // ---------------------------------------------------------------------------------------------- inquiry

  @Test
  void inquiryIsAnsweredThroughThePortalAndTheClerkHasTheCaseBack() {
    Browser max = new Browser(port);
    max.login("max");
    Page form = max.get(APPLY);
    List<Part> parts = validApplication(form, "S-MM 77");
    parts = replace(replace(replace(parts, "street", "Marienstraße"), "houseNumber", "12"), "vehicleClass", "motorcycle");
    Page applied = max.postMultipart(APPLY, parts);
    assertThat(applied.status()).isEqualTo(302);
    String caseNumber = caseNumberFrom(applied);
    jobs.runDue();

    Http api = new Http(port);
    String taskId = taskOf(api, caseNumber);
    assertThat(taskId).as("clara has the review task").isNotNull();
    String question = "Bitte laden Sie die Zulassungsbescheinigung Teil I hoch.";
    assertThat(api.post("/api/tasks/" + taskId + "/complete", "clara",
        Map.of("decision", "inquire", "inquiryQuestion", question)).status()).isEqualTo(204);
    jobs.runDue();
    assertThat(taskOf(api, caseNumber)).as("no task while waiting for max").isNull();

    Page detail = max.get("/cases/" + caseNumber);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.html()).contains(question);
    Matcher link = Pattern.compile("href=\"(/cases/" + caseNumber + "/inquiries/(\\d+))\"").matcher(detail.html());
    assertThat(link.find()).as("link to the answer page").isTrue();
    String answerPath = link.group(1);

    Page answerPage = max.get(answerPath);
    assertThat(answerPage.status()).isEqualTo(200);
    assertThat(answerPage.html()).contains(question).contains("name=\"answerText\"");
    String csrf = answerPage.hiddenValue("_csrf");

    Page empty = max.postMultipart(answerPath, List.of(Part.field("_csrf", csrf), Part.field("answerText", ""),
        Part.emptyFile("answerDocuments")));
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.html()).contains("class=\"error-summary\"")
        .contains("Bitte geben Sie eine Antwort ein oder laden Sie ein Dokument hoch.");
    assertThat(taskOf(api, caseNumber)).isNull();

    Page answered = max.postMultipart(answerPath, List.of(Part.field("_csrf", csrf),
        Part.field("answerText", "Die Bescheinigung reiche ich per Post nach."), Part.emptyFile("answerDocuments")));
    assertThat(answered.status()).isEqualTo(302);
    assertThat(answered.location()).isEqualTo("/cases/" + caseNumber + "?answered");
    assertThat(max.get(answered.location()).html()).contains("Vielen Dank, Ihre Antwort ist eingegangen.");

    jobs.runDue();
    assertThat(taskOf(api, caseNumber)).as("the review task is back with the clerk").isNotNull();
    // answered once: the page no longer offers the form
    assertThat(max.get(answerPath).html()).doesNotContain("name=\"answerText\"");
  }

  // ---------------------------------------------------------------------------------------------- helpers

  static String taskOf(Http api, String caseNumber) {
    for (JsonNode t : api.get("/api/tasks", "clara").json()) {
      if (caseNumber.equals(t.path("caseNumber").asText())) {
        return t.get("id").asText();
      }
    }
    return null;
  }

  static String caseNumberFrom(Page redirect) {
    Matcher m = CASE_LOCATION.matcher(redirect.location());
    assertThat(m.find()).as("redirect to the case page: " + redirect.location()).isTrue();
    return m.group(1);
  }

  static String documentIdOn(Page casePage) {
    Matcher m = Pattern.compile("href=\"/documents/([^\"]+)\"").matcher(casePage.html());
    assertThat(m.find()).as("document link on the case page").isTrue();
    return m.group(1);
  }

  Page applyWithCompanyCar(Browser b, String fileName, byte[] content) {
    Page form = b.get(APPLY);
    List<Part> parts = new ArrayList<>(validApplication(form, "S-EM 1234"));
    parts.removeIf(p -> p.name().equals("employerCertificate"));
    parts.add(Part.field("companyCar", "true"));
    parts.add(Part.file("employerCertificate", fileName, "application/pdf", content));
    return b.postMultipart(APPLY, parts);
  }

  /** What a browser sends for Erika's form filled in completely (the readonly names included). */
  static List<Part> validApplication(Page form, String plate) {
    List<Part> parts = new ArrayList<>();
    parts.add(Part.field("_csrf", form.hiddenValue("_csrf")));
    parts.add(Part.field("_idempotencyKey", form.hiddenValue("_idempotencyKey")));
    parts.add(Part.field("applicantGivenName", attr(form.inputTag("f-applicantGivenName"), "value")));
    parts.add(Part.field("applicantFamilyName", attr(form.inputTag("f-applicantFamilyName"), "value")));
    parts.add(Part.field("street", "Königstraße"));
    parts.add(Part.field("houseNumber", "1"));
    parts.add(Part.field("postalCode", "70173"));
    parts.add(Part.field("city", "Stuttgart"));
    parts.add(Part.field("licencePlate", plate));
    parts.add(Part.field("vehicleClass", "car"));
    parts.add(Part.emptyFile("employerCertificate"));
    parts.add(Part.field("validityMonths", "12"));
    parts.add(Part.field("desiredStart", LocalDate.now().plusDays(7).toString()));
    parts.add(Part.field("remarks", ""));
    parts.add(Part.field("consentRegisterLookUp", "true"));
    return parts;
  }

  static List<Part> replace(List<Part> parts, String name, String value) {
    return parts.stream().map(p -> p.name().equals(name) ? Part.field(name, value) : p).collect(Collectors.toList());
  }

  static String attr(String tag, String name) {
    Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
    return m.find() ? unescape(m.group(1)) : null;
  }

  static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** One multipart part: a text field or a file. */
  record Part(String name, String value, String fileName, String contentType, byte[] content) {

    static Part field(String name, String value) {
      return new Part(name, value, null, null, null);
    }

    static Part file(String name, String fileName, String contentType, byte[] content) {
      return new Part(name, null, fileName, contentType, content);
    }

    /** A file input left empty: browsers still send the part, with an empty file name. */
    static Part emptyFile(String name) {
      return new Part(name, null, "", "application/octet-stream", new byte[0]);
    }
  }

  /** A response as the browser got it. */
  record Page(int status, String location, String html) {

    /** Redirect target relative to the server (Location may be absolute). */
    @Override
    public String location() {
      return location == null ? null : location.replaceFirst("^https?://[^/]+", "");
    }

    String tagWith(String attribute) {
      Matcher m = Pattern.compile("<(input|textarea|select)\\b[^>]*" + Pattern.quote(attribute) + "[^>]*>")
          .matcher(html);
      assertThat(m.find()).as("element with " + attribute).isTrue();
      return m.group();
    }

    String inputTag(String id) {
      return tagWith("id=\"" + id + "\"");
    }

    String hiddenValue(String name) {
      return attr(tagWith("name=\"" + name + "\""), "value");
    }

    String fieldError(String id) {
      Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(id) + "-error\">([^<]*)</p>")
          .matcher(html);
      return m.find() ? unescape(m.group(1)) : null;
    }

    /** The {@code <section ...>} whose start tag contains the marker, up to its end tag. */
    String section(String marker) {
      Matcher m = Pattern.compile("(?s)<section[^>]*" + Pattern.quote(marker) + "[^>]*>.*?</section>").matcher(html);
      assertThat(m.find()).as("section " + marker).isTrue();
      return m.group();
    }
  }

  /** A browser without JavaScript: keeps cookies, does not follow redirects. */
  static final class Browser {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    Browser(int port) {
      this.port = port;
    }

    void login(String user) {
      Page login = get("/login");
      Page r = postForm("/login", List.of(Map.entry("username", user), Map.entry("password", user),
          Map.entry("_csrf", login.hiddenValue("_csrf"))));
      assertThat(r.status()).as("login of " + user).isEqualTo(302);
      assertThat(r.location()).isEqualTo("/cases");
    }

    Page get(String path) {
      return page(send(request(path).GET().build()));
    }

    Http.Response download(String path) {
      HttpResponse<byte[]> r = send(request(path).GET().build());
      return new Http.Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers(), r.body());
    }

    Page postForm(String path, List<Map.Entry<String, String>> fields) {
      String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      return page(send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    Page postMultipart(String path, List<Part> parts) {
      String boundary = "----AmtswegFormBoundary" + UUID.randomUUID().toString().replace("-", "");
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (Part p : parts) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
        if (p.fileName() != null) {
          head.append("; filename=\"").append(p.fileName()).append("\"\r\nContent-Type: ").append(p.contentType());
        }
        head.append("\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(p.fileName() != null ? p.content() : p.value().getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      return page(send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build()));
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "de-DE,de;q=0.9");
    }

    private static Page page(HttpResponse<byte[]> r) {
      return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null),
          new String(r.body(), StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}

package de.amtsweg.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.testsupport.Applications;
import de.amtsweg.testsupport.Http;
import de.amtsweg.testsupport.Jobs;
import de.amtsweg.testsupport.ProdInfrastructure;
import de.amtsweg.testsupport.ProdProfileSpringTest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in in the prod profile against a real OIDC provider: the JSON API accepts only bearer tokens from
 * the configured issuer, the portal sends citizens to the provider's login.
 */
class OidcBearerTest extends ProdProfileSpringTest {

  static final String APPLY = "/api/procedures/residentParkingPermit/applications";

  /**
   * Another identity provider, its own issuer URL. (mock-oauth2-server hands out the same built-in keys in
   * every instance, so signature checks are tested with a key of our own below.)
   */
  static MockOAuth2Server otherProvider;

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  Http anonymous;
  Http erika;

  @BeforeAll
  static void startOtherProvider() {
    otherProvider = new MockOAuth2Server();
    otherProvider.start();
  }

  @AfterAll
  static void stopOtherProvider() {
    otherProvider.shutdown();
  }

  @BeforeEach
  void clients() {
    anonymous = new Http(port);
    erika = anonymous.withBearer(ProdInfrastructure.citizenToken("erika", "Erika", "Mustermann", "erika@example.org"));
  }

  String submitAsErika() {
    Http.Response created = erika.post(APPLY, null, Applications.erika());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("caseNumber").asText();
  }

  @Test
  void basicAuthIsOffInProd() {
    Http.Response r = anonymous.get("/api/postbox", "erika");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.headers().allValues("WWW-Authenticate")).noneMatch(h -> h.startsWith("Basic"))
        .anyMatch(h -> h.startsWith("Bearer"));
  }

  @Test
  void bearerTokenFromTheProviderOpensErikasPostbox() {
    String caseNumber = submitAsErika();
    new Jobs(managementService).runDue();

    Http.Response r = erika.get("/api/postbox", null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().isArray()).isTrue();
    assertThat(r.json().findValuesAsText("caseNumber")).contains(caseNumber);
  }

  @Test
  void noTokenNoAccess() {
    assertThat(anonymous.get("/api/postbox", null).status()).isEqualTo(401);
    assertThat(anonymous.withBearer("not-a-jwt").get("/api/postbox", null).status()).isEqualTo(401);
  }

  @Test
  void tokenFromAnotherIssuerIsRefused() {
    String foreign = otherProvider.issueToken(ProdInfrastructure.ISSUER_ID, ProdInfrastructure.CLIENT_ID,
        new DefaultOAuth2TokenCallback(ProdInfrastructure.ISSUER_ID, "erika", "JWT",
            List.of(ProdInfrastructure.CLIENT_ID), Map.of("given_name", "Erika"), 3600)).serialize();

    assertThat(anonymous.withBearer(foreign).get("/api/postbox", null).status()).isEqualTo(401);
  }

  @Test
  void tokenWithOurIssuerButForeignSignatureIsRefused() throws Exception {
    SignedJWT genuine = SignedJWT.parse(ProdInfrastructure.citizenToken("erika", "Erika", "Mustermann",
        "erika@example.org"));
    assertThat(erika.get("/api/postbox", null).status()).isEqualTo(200);
    // same claims and key id, but signed with a key the provider never published
    RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID(genuine.getHeader().getKeyID()).type(JOSEObjectType.JWT).build(), genuine.getJWTClaimsSet());
    forged.sign(new RSASSASigner(attackerKey));
    // genuine signature, altered claims
    String[] parts = genuine.serialize().split("\\.");
    String otherClaims = Base64URL.encode(new JWTClaimsSet.Builder(genuine.getJWTClaimsSet()).subject("max").build()
        .toString()).toString();
    String tampered = parts[0] + "." + otherClaims + "." + parts[2];
    // no signature at all
    String unsigned = new PlainJWT(genuine.getJWTClaimsSet()).serialize();

    assertThat(anonymous.withBearer(forged.serialize()).get("/api/postbox", null).status()).isEqualTo(401);
    assertThat(anonymous.withBearer(tampered).get("/api/postbox", null).status()).isEqualTo(401);
    assertThat(anonymous.withBearer(unsigned).get("/api/postbox", null).status()).isEqualTo(401);
  }

  @Test
  void tokenForAnotherIssuerIdOfTheSameProviderIsRefused() {
    String other = ProdInfrastructure.oidc().issueToken("clerks", "erika").serialize();

    assertThat(anonymous.withBearer(other).get("/api/postbox", null).status()).isEqualTo(401);
  }

  @Test
  void expiredTokenIsRefused() {
    // an hour past expiry: well beyond the validator's clock skew of one minute
    String expired = ProdInfrastructure.token("erika", Map.of("given_name", "Erika", "family_name", "Mustermann"),
        -3600);

    assertThat(anonymous.withBearer(expired).get("/api/postbox", null).status()).isEqualTo(401);
  }

  @Test
  void maxCannotReadErikasCase() {
    String caseNumber = submitAsErika();
    Http max = anonymous.withBearer(ProdInfrastructure.citizenToken("max", "Max", "Muster", "max@example.org"));

    assertThat(erika.get("/api/cases/" + caseNumber, null).status()).isEqualTo(200);
    assertThat(max.get("/api/cases/" + caseNumber, null).status()).isEqualTo(404);
    assertThat(max.get("/api/postbox", null).json().findValuesAsText("caseNumber")).doesNotContain(caseNumber);
  }

  @Test
  void tokenFromTheClerkIssuerIsAClerkWhoSeesHerOfficesQueue() {
    // Max is in neither register: his application waits for a clerk of the parking office
    Http max = anonymous.withBearer(ProdInfrastructure.citizenToken("max", "Max", "Muster", "max@example.org"));
    Http.Response created = max.post(APPLY, null, Applications.max());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    new Jobs(managementService).runDue();
    Http clara = anonymous.withBearer(ProdInfrastructure.clerkToken("clara",
        Map.of("name", "Clara Sachbearbeiterin", "groups", List.of("parking-office"))));
    Http otherOffice = anonymous.withBearer(ProdInfrastructure.clerkToken("olaf",
        Map.of("groups", List.of("registry-office"))));
    // a citizen's provider sending a groups claim does not make anyone a clerk: the issuer decides
    Http citizenWithGroups = anonymous.withBearer(ProdInfrastructure.token("mallory",
        Map.of("groups", List.of("parking-office")), 3600));

    Http.Response queue = clara.get("/api/tasks", null);

    assertThat(queue.status()).isEqualTo(200);
    assertThat(queue.json().isArray()).isTrue();
    assertThat(queue.json().findValuesAsText("caseNumber")).contains(caseNumber);
    assertThat(otherOffice.get("/api/tasks", null).json().findValuesAsText("caseNumber")).doesNotContain(caseNumber);
    assertThat(citizenWithGroups.get("/api/tasks", null).status()).isEqualTo(403);
    assertThat(max.get("/api/tasks", null).status()).isEqualTo(403);
    assertThat(erika.get("/api/tasks", null).status()).isEqualTo(403);
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    String foreign = ProdInfrastructure.oidc().issueToken(ProdInfrastructure.ISSUER_ID, "other-client",
        new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(ProdInfrastructure.ISSUER_ID, "erika", "JWT",
            List.of("other-client"), Map.of("given_name", "Erika"), 3600)).serialize();
    assertThat(anonymous.withBearer(foreign).get("/api/postbox", null).status()).isEqualTo(401);
  }

  @Test
  void portalSendsCitizensToTheProvidersLoginAndBackSignedIn() throws Exception {
    String caseNumber = submitAsErika();
    Browser browser = new Browser();

    HttpResponse<String> cases = browser.get("/cases");
    assertThat(cases.statusCode()).isEqualTo(302);
    URI login = browser.location(cases);
    assertThat(login.getPath()).isEqualTo("/login");

    HttpResponse<String> loginPage = browser.get(login.toString());
    assertThat(loginPage.statusCode()).isEqualTo(200);
    assertThat(loginPage.body()).contains("href=\"/oauth2/authorization/citizen\"")
        .doesNotContain("name=\"password\"");

    HttpResponse<String> start = browser.get("/oauth2/authorization/citizen");
    assertThat(start.statusCode()).isEqualTo(302);
    URI authorize = browser.location(start);
    String authorizeEndpoint = ProdInfrastructure.oidc().authorizationEndpointUrl(ProdInfrastructure.ISSUER_ID)
        .toString();
    assertThat(authorize.toString()).startsWith(authorizeEndpoint);
    Map<String, String> query = query(authorize);
    assertThat(query).containsEntry("client_id", ProdInfrastructure.CLIENT_ID)
        .containsEntry("response_type", "code")
        .containsEntry("redirect_uri", "http://localhost:" + port + "/login/oauth2/code/citizen");
    assertThat(query.get("scope").split(" ")).contains("openid");

    // the provider authenticates Erika and sends the browser back with a code
    ProdInfrastructure.oidc().enqueueCallback(new DefaultOAuth2TokenCallback(ProdInfrastructure.ISSUER_ID,
        "erika", "JWT", List.of(ProdInfrastructure.CLIENT_ID),
        Map.of("given_name", "Erika", "family_name", "Mustermann", "email", "erika@example.org"), 3600));
    HttpResponse<String> back = browser.get(authorize.toString());
    assertThat(back.statusCode()).isEqualTo(302);
    URI callback = browser.location(back);
    assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/citizen");

    HttpResponse<String> signedIn = browser.get(callback.toString());
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    assertThat(browser.location(signedIn).getPath()).isEqualTo("/cases");

    HttpResponse<String> myCases = browser.get("/cases");
    assertThat(myCases.statusCode()).isEqualTo(200);
    assertThat(myCases.body()).contains(caseNumber);
  }

  static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
        .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
  }

  /** A browser without JavaScript: keeps cookies, follows nothing by itself. */
  final class Browser {

    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
      URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create("http://localhost:" + port + pathOrUrl);
      return client.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    URI location(HttpResponse<String> response) {
      String location = response.headers().firstValue("Location").orElseThrow();
      return response.uri().resolve(location);
    }
  }
}

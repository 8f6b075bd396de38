package de.amtsweg.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.testsupport.AmtswegSpringTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Web sessions live in the database (any node serves any request) — the portal's, the task list's
 * and the Camunda webapps' logins alike, which also proves that everything they keep is serializable.
 */
@AmtswegSpringTest
class WebSessionTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  CookieManager cookies;
  HttpClient client;

  @BeforeEach
  void browser() {
    cookies = new CookieManager();
    client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  static String form(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  String formLogin(String loginPath, String user) throws Exception {
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(send(to(loginPath)).body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> r = send(to(loginPath).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form("username", user, "password", user, "_csrf", csrf.group(1)))));
    assertThat(r.statusCode()).isEqualTo(302);
    return r.headers().firstValue("Location").orElseThrow();
  }

  long sessionsOf(String principal) {
    return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?").param(principal)
        .query(Long.class).single();
  }

  @Test
  void citizenAndClerkSessionsAreStoredInTheDatabase() throws Exception {
    long erikaBefore = sessionsOf("erika");
    assertThat(formLogin("/login", "erika")).endsWith("/cases");
    assertThat(sessionsOf("erika")).isEqualTo(erikaBefore + 1);
    assertThat(send(to("/cases")).statusCode()).isEqualTo(200);

    browser();
    long claraBefore = sessionsOf("clara");
    assertThat(formLogin("/tasks/login", "clara")).endsWith("/tasks");
    assertThat(sessionsOf("clara")).isEqualTo(claraBefore + 1);
    assertThat(send(to("/tasks")).statusCode()).isEqualTo(200);
  }

  /** Camunda's webapps hand out a fresh token in this cookie as they go. */
  String xsrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
  }

  @Test
  void administratorSignsInToCockpitWithItsOwnLoginAndCsrfToken() throws Exception {
    send(to("/camunda/app/welcome/default/"));
    HttpRequest.Builder login = to("/camunda/api/admin/auth/user/default/login/cockpit")
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");

    String xsrf = xsrf();
    HttpResponse<String> ok = send(login.copy().header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString(form("username", "admin", "password", "admin"))));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    HttpResponse<String> count = send(to("/camunda/api/engine/engine/default/process-definition/count")
        .header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf));
    assertThat(count.statusCode()).isEqualTo(200);
    assertThat(count.body()).matches(".*\"count\"\\s*:\\s*[1-9].*");
  }
}

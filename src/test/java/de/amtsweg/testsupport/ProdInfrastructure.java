package de.amtsweg.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringApplication;

/**
 * What the prod profile talks to, for real and without Docker: a PostgreSQL server (embedded binaries
 * from Maven) with a database {@value #DATABASE} owned by an unprivileged role, as an operator would set
 * it up, and an OIDC provider (mock-oauth2-server) with issuer id {@value #ISSUER_ID}.
 *
 * <p>Started once per test JVM: the Spring test context that points at them is cached and shared by all
 * prod-profile test classes, so closing them after one class would pull the database out from under the
 * next. They stop when the JVM ends, after Spring has closed its application contexts (Spring Boot's
 * shutdown handlers): Camunda flushes its metrics to the database while it closes.
 */
public final class ProdInfrastructure {

  public static final String DATABASE = "amtsweg";
  public static final String DB_USER = "amtsweg";
  public static final String DB_PASSWORD = "amtsweg-test-password";
  public static final String ISSUER_ID = "citizen";
  public static final String CLERK_ISSUER_ID = "clerks";
  public static final String CLIENT_ID = "amtsweg";

  private static EmbeddedPostgres postgres;
  private static MockOAuth2Server oidc;

  private ProdInfrastructure() {
  }

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        // not its own JVM hook: the engine still writes to the database while the context closes
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
          s.execute("CREATE ROLE " + DB_USER + " LOGIN PASSWORD '" + DB_PASSWORD + "'");
          s.execute("CREATE DATABASE " + DATABASE + " OWNER " + DB_USER);
        }
        postgres = pg;
        SpringApplication.getShutdownHandlers().add(() -> {
          try {
            pg.close();
          } catch (IOException e) {
            // the JVM is going away anyway
          }
        });
      } catch (IOException | SQLException e) {
        throw new IllegalStateException("embedded PostgreSQL did not start", e);
      }
    }
    return postgres;
  }

  public static String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres().getPort() + "/" + DATABASE;
  }

  /** A connection to the application's database as the operator has it, independent of the application. */
  public static DataSource database() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl());
    ds.setUser(DB_USER);
    ds.setPassword(DB_PASSWORD);
    return ds;
  }

  public static synchronized MockOAuth2Server oidc() {
    if (oidc == null) {
      MockOAuth2Server server = new MockOAuth2Server();
      server.start();
      oidc = server;
      SpringApplication.getShutdownHandlers().add(server::shutdown);
    }
    return oidc;
  }

  public static String issuer() {
    return oidc().issuerUrl(ISSUER_ID).toString();
  }

  public static String clerkIssuer() {
    return oidc().issuerUrl(CLERK_ISSUER_ID).toString();
  }

  /** An access token from the city's own identity provider for staff. */
  public static String clerkToken(String subject, Map<String, Object> claims) {
    return oidc().issueToken(CLERK_ISSUER_ID, CLIENT_ID,
        new DefaultOAuth2TokenCallback(CLERK_ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600))
        .serialize();
  }

  /** An access token as the citizen's identity provider issues it after login. */
  public static String citizenToken(String subject, String givenName, String familyName, String email) {
    return token(subject, Map.of("given_name", givenName, "family_name", familyName, "email", email), 3600);
  }

  public static String token(String subject, Map<String, Object> claims, long expirySeconds) {
    return oidc().issueToken(ISSUER_ID, CLIENT_ID,
        new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, expirySeconds))
        .serialize();
  }
}

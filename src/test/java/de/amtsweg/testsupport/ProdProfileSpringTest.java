package de.amtsweg.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in the {@code prod} profile only — no demo users, Basic off, payment simulator
 * off — on a random port against real PostgreSQL and a real OIDC provider ({@link ProdInfrastructure}),
 * configured the way an operator does it: through the {@code AMTSWEG_*} settings that
 * {@code application-prod.yaml} reads. Only difference: the job executor is off, tests drive jobs.
 *
 * <p>Subclasses share one cached Spring context: declare no further context configuration in them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
public abstract class ProdProfileSpringTest {

  public static final String ADMIN_USER = "operator";
  public static final String ADMIN_PASSWORD = "operator-test-password";

  @DynamicPropertySource
  static void prodEnvironment(DynamicPropertyRegistry registry) {
    registry.add("AMTSWEG_DB_URL", ProdInfrastructure::jdbcUrl);
    registry.add("AMTSWEG_DB_USER", () -> ProdInfrastructure.DB_USER);
    registry.add("AMTSWEG_DB_PASSWORD", () -> ProdInfrastructure.DB_PASSWORD);
    registry.add("AMTSWEG_OIDC_ISSUER", ProdInfrastructure::issuer);
    registry.add("AMTSWEG_CLERK_OIDC_ISSUER", ProdInfrastructure::clerkIssuer);
    registry.add("AMTSWEG_PORTAL_URL", () -> "https://amtsweg.musterstadt.example");
    // prod sits behind a TLS proxy and marks its session cookie Secure; this test talks plain HTTP
    registry.add("server.servlet.session.cookie.secure", () -> "false");
    // no real registers here: the embedded demo registers stand in, switched on as an operator would
    registry.add("AMTSWEG_DEMO_REGISTERS", () -> "true");
    registry.add("AMTSWEG_OIDC_CLIENT_ID", () -> ProdInfrastructure.CLIENT_ID);
    registry.add("AMTSWEG_OIDC_CLIENT_SECRET", () -> "client-secret-for-tests");
    registry.add("AMTSWEG_ADMIN_USER", () -> ADMIN_USER);
    registry.add("AMTSWEG_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
    registry.add("AMTSWEG_PAYMENT_SECRET", () -> "payment-secret-for-tests-0123456789");
    registry.add("AMTSWEG_SMTP_HOST", () -> {
      TestMail.server();
      return "127.0.0.1";
    });
    registry.add("AMTSWEG_SMTP_PORT", () -> String.valueOf(TestMail.port()));
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }
}

package de.amtsweg.security;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo profile is the default, with demo users and a payment simulator. Started with production
 * settings but without {@code SPRING_PROFILES_ACTIVE=prod}, it would be an open door: refuse.
 */
@Component
@Profile("demo")
public class DemoGuard {

  static final List<String> PRODUCTION_SETTINGS = List.of("AMTSWEG_DB_URL", "AMTSWEG_OIDC_ISSUER",
      "AMTSWEG_ADMIN_PASSWORD", "AMTSWEG_PAYMENT_SECRET");

  public DemoGuard(Environment environment) {
    for (String name : PRODUCTION_SETTINGS) {
      if (environment.containsProperty(name)) {
        throw new IllegalStateException(name + " is set but the demo profile is active (demo users, payment"
            + " simulator): start production with SPRING_PROFILES_ACTIVE=prod");
      }
    }
  }
}

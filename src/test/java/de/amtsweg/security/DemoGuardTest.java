package de.amtsweg.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Production settings with the demo profile (demo users, payment simulator) must not start. */
class DemoGuardTest {

  static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
    return environment;
  }

  @Test
  void productionDatabaseWithDemoProfileIsRefused() {
    assertThatThrownBy(() -> new DemoGuard(environment(Map.of("AMTSWEG_DB_URL", "jdbc:postgresql://db/amtsweg"))))
        .hasMessageContaining("SPRING_PROFILES_ACTIVE=prod");
  }

  @Test
  void plainDemoStarts() {
    assertThatCode(() -> new DemoGuard(environment(Map.of("server.port", "8080")))).doesNotThrowAnyException();
  }
}

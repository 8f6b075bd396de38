package de.amtsweg.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to run with an empty {@code camunda-admin} group: Camunda Admin would then offer its setup
 * page to anyone who finds it first. Configure {@code camunda.bpm.admin-user} (prod: env
 * AMTSWEG_ADMIN_USER / AMTSWEG_ADMIN_PASSWORD).
 */
@Component
public class AdminGuard {

  private final IdentityService identityService;

  public AdminGuard(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(10)
  public void requireAdministrator() {
    if (identityService.createUserQuery().memberOfGroup(Clerk.ADMIN_GROUP).count() == 0) {
      throw new IllegalStateException("No member in group '" + Clerk.ADMIN_GROUP
          + "': set camunda.bpm.admin-user.id and .password (env AMTSWEG_ADMIN_USER, AMTSWEG_ADMIN_PASSWORD)");
    }
  }
}

package de.amtsweg.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo clerks and offices in the Camunda identity service (profile "demo" only); password = user name. */
@Component
@Profile("demo")
public class DemoClerks {

  record DemoClerk(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoClerk> CLERKS = List.of(
      new DemoClerk("clara", "Clara", "Clerk", "parking-office"),
      new DemoClerk("carl", "Carl", "Clerk", "parking-office"),
      new DemoClerk("olga", "Olga", "Ordnung", "public-order"));

  private final IdentityService identityService;

  public DemoClerks(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void seed() {
    group("parking-office", "Parkraumbewirtschaftung");
    group("public-order", "Öffentliche Ordnung");
    for (DemoClerk c : CLERKS) {
      if (identityService.createUserQuery().userId(c.id()).count() == 0) {
        User user = identityService.newUser(c.id());
        user.setFirstName(c.firstName());
        user.setLastName(c.lastName());
        user.setEmail(c.id() + "@musterstadt.example");
        user.setPassword(c.id());
        identityService.saveUser(user);
        identityService.createMembership(c.id(), c.group());
      }
    }
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }
}

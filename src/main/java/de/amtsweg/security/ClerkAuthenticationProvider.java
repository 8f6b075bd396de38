package de.amtsweg.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Clerks sign in against the Camunda identity service (users and groups managed in Camunda Admin). */
@Component
public class ClerkAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  public ClerkAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    ClerkUser principal = new ClerkUser(load(userId));
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
  }

  Clerk load(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet());
    String name = user == null ? userId
        : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
            + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return new Clerk(userId, name.isEmpty() ? userId : name, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

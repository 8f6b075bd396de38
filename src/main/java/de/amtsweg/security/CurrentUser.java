package de.amtsweg.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ResponseStatusException;

/**
 * Maps whatever authenticated a request (demo login, HTTP Basic, OIDC login, bearer token) to the
 * two realms: citizens and clerks. For bearer tokens the realm was decided by the issuer when the
 * token was authenticated ({@link BearerTokens}): its authorities say citizen or clerk.
 */
public final class CurrentUser {

  private CurrentUser() {
  }

  public static Optional<Citizen> citizen(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      return Optional.empty();
    }
    Object principal = auth.getPrincipal();
    if (principal instanceof CitizenUser user) {
      return Optional.of(user.citizen());
    }
    if (principal instanceof OidcUser oidc) {
      return Optional.of(new Citizen(oidc.getSubject(), nonNull(oidc.getGivenName()),
          nonNull(oidc.getFamilyName()), oidc.getEmail()));
    }
    if (auth instanceof JwtAuthenticationToken token && has(auth, CitizenUser.ROLE)) {
      Jwt jwt = token.getToken();
      return Optional.of(new Citizen(jwt.getSubject(), nonNull(jwt.getClaimAsString("given_name")),
          nonNull(jwt.getClaimAsString("family_name")), jwt.getClaimAsString("email")));
    }
    return Optional.empty();
  }

  /** The signed-in citizen, or 403 for anyone else (a clerk, for instance). */
  public static Citizen requireCitizen(Authentication auth) {
    return citizen(auth).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }

  /** The signed-in clerk, or 403 for anyone else. */
  public static Clerk requireClerk(Authentication auth) {
    return clerk(auth).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }

  public static Optional<Clerk> clerk(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      return Optional.empty();
    }
    if (auth.getPrincipal() instanceof ClerkUser user) {
      return Optional.of(user.clerk());
    }
    if (auth instanceof JwtAuthenticationToken token && has(auth, ClerkUser.ROLE)) {
      Jwt jwt = token.getToken();
      String name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse(jwt.getSubject());
      return Optional.of(new Clerk(jwt.getSubject(), name, Set.copyOf(groups(jwt))));
    }
    return Optional.empty();
  }

  private static boolean has(Authentication auth, String authority) {
    return auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
  }

  static List<String> groups(Jwt jwt) {
    Object claim = jwt.getClaims().get("groups");
    if (claim instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}

package de.amtsweg.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Production bearer tokens: one trusted issuer per realm. Which realm a token belongs to is decided by
 * its issuer, never by its claims: a citizen's provider that happens to send {@code groups} cannot
 * make anyone a clerk. Signature, expiry, issuer and audience are checked.
 */
final class BearerTokens {

  private BearerTokens() {
  }

  static JwtIssuerAuthenticationManagerResolver resolver(OidcProperties properties) {
    if (blank(properties.citizenIssuer())) {
      throw new IllegalStateException("amtsweg.oidc.citizen-issuer (env AMTSWEG_OIDC_ISSUER) must be set in prod");
    }
    Map<String, AuthenticationManager> managers = new HashMap<>();
    managers.put(properties.citizenIssuer(), manager(properties.citizenIssuer(), properties.audience(), false));
    if (properties.citizenIssuer().equals(properties.clerkIssuer())) {
      throw new IllegalStateException("Citizens and clerks need different issuers (AMTSWEG_OIDC_ISSUER,"
          + " AMTSWEG_CLERK_OIDC_ISSUER): the issuer decides the realm");
    }
    if (!blank(properties.clerkIssuer())) {
      managers.put(properties.clerkIssuer(), manager(properties.clerkIssuer(), properties.audience(), true));
    }
    return new JwtIssuerAuthenticationManagerResolver(managers::get);
  }

  private static AuthenticationManager manager(String issuer, String audience, boolean clerks) {
    NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefaultWithIssuer(issuer));
    if (!blank(audience)) {
      validators.add(new JwtClaimValidator<Collection<String>>("aud",
          aud -> aud != null && aud.contains(audience)));
    }
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(jwt -> clerks ? clerkAuthorities(jwt)
        : List.of(new SimpleGrantedAuthority(CitizenUser.ROLE)));
    provider.setJwtAuthenticationConverter(converter);
    return new ProviderManager(provider);
  }

  private static Collection<GrantedAuthority> clerkAuthorities(Jwt jwt) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(ClerkUser.ROLE));
    CurrentUser.groups(jwt).forEach(g -> authorities.add(new SimpleGrantedAuthority("GROUP_" + g)));
    return authorities;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

package de.amtsweg.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bearer tokens accepted by the JSON API in production. Citizens' tokens come from
 * {@code citizenIssuer} (BundID / Servicekonto), clerks' from a separate {@code clerkIssuer} (the
 * city's own directory; optional). Both must be meant for {@code audience}.
 */
@ConfigurationProperties("amtsweg.oidc")
public record OidcProperties(String citizenIssuer, String clerkIssuer, String audience) {
}

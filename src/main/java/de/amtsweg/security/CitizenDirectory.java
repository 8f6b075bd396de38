package de.amtsweg.security;

import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Where citizens with a password come from. Only the demo profile has one (production citizens sign
 * in over OIDC: BundID / Servicekonto), so this is the place a city would never fill with real people.
 */
public interface CitizenDirectory extends UserDetailsService {
}

package de.amtsweg.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Five fenced areas: the JSON API (stateless: HTTP Basic in the demo profile, OIDC bearer tokens in
 * prod), the engine REST API (administrators only), the Camunda webapps (their own login, setup page
 * closed), the clerks' task list (Camunda identity) and the citizens' portal (demo login or OIDC).
 */
@Configuration
public class SecurityConfig {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private final Environment environment;

  public SecurityConfig(Environment environment) {
    this.environment = environment;
  }

  /**
   * Path matchers independent of Spring MVC: the engine REST API and the Camunda webapps are served by
   * their own servlets and filters, which MVC-based matchers would not see.
   */
  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private boolean prod() {
    return environment.acceptsProfiles(Profiles.of("prod"));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Citizens (demo directory, if any) and clerks (Camunda identity) — used where both may sign in. */
  @Bean
  AuthenticationManager apiAuthenticationManager(ObjectProvider<CitizenDirectory> citizens,
      ClerkAuthenticationProvider clerks, PasswordEncoder encoder) {
    List<AuthenticationProvider> providers = new java.util.ArrayList<>();
    citizens.ifAvailable(dir -> providers.add(citizenProvider(dir, encoder)));
    providers.add(clerks);
    return new ProviderManager(providers);
  }

  private static DaoAuthenticationProvider citizenProvider(CitizenDirectory dir, PasswordEncoder encoder) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(dir);
    provider.setPasswordEncoder(encoder);
    return provider;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, AuthenticationManager apiAuthenticationManager,
      ObjectProvider<OidcProperties> oidc) throws Exception {
    http.securityMatcher(path("/api/**"))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/payments/callback").permitAll()
            .requestMatchers("/api/procedures").permitAll()
            .anyRequest().authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // stateless, no cookies: Basic or bearer credentials cannot be forged cross-site
        .csrf(c -> c.disable())
        // no browser login prompt for the API; in prod the bearer scheme is announced (WWW-Authenticate)
        .exceptionHandling(e -> e.authenticationEntryPoint(prod() ? new BearerTokenAuthenticationEntryPoint()
            : new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    if (prod()) {
      http.oauth2ResourceServer(o -> o.authenticationManagerResolver(BearerTokens.resolver(oidc.getObject())));
    } else {
      http.authenticationManager(apiAuthenticationManager).httpBasic(Customizer.withDefaults());
    }
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain engineRest(HttpSecurity http, ClerkAuthenticationProvider clerks) throws Exception {
    http.securityMatcher(path("/engine-rest/**"))
        .authenticationManager(new ProviderManager(clerks))
        .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(ClerkUser.ROLE_ADMIN))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .httpBasic(Customizer.withDefaults());
    return http.build();
  }

  /** Camunda Cockpit/Admin/Tasklist bring their own login, session and CSRF protection. */
  @Bean
  @Order(3)
  SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
    http.securityMatcher(path("/camunda/**"))
        .authorizeHttpRequests(a -> a
            // never let the webapp create a first administrator: there always is one
            .requestMatchers(path("/camunda/api/admin/setup/**"), path("/camunda/app/admin/*/setup/**")).denyAll()
            .anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain tasklist(HttpSecurity http, ClerkAuthenticationProvider clerks) throws Exception {
    http.securityMatcher(path("/tasks/**"))
        .authenticationManager(new ProviderManager(clerks))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/tasks/login").permitAll()
            .anyRequest().hasAuthority(ClerkUser.ROLE))
        .formLogin(f -> f.loginPage("/tasks/login").defaultSuccessUrl("/tasks", true)
            .failureUrl("/tasks/login?error").permitAll())
        .logout(l -> l.logoutUrl("/tasks/logout").logoutSuccessUrl("/tasks/login?logout"));
    headers(http);
    return http.build();
  }

  @Bean
  @Order(5)
  SecurityFilterChain portal(HttpSecurity http, ObjectProvider<CitizenDirectory> citizens,
      PasswordEncoder encoder, ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/", "/services", "/services/*", "/login", "/error", "/css/**", "/js/**",
                "/favicon.ico", "/actuator/health", "/payment-provider/**").permitAll()
            .anyRequest().hasAuthority(CitizenUser.ROLE))
        .logout(l -> l.logoutSuccessUrl("/?logout"));
    if (prod()) {
      http.oauth2Login(o -> o.loginPage("/login")
          .userInfoEndpoint(u -> u.oidcUserService(new CitizenOidcUserService())));
      // sign out at the identity provider too: on a shared computer the next person must not be let in
      OidcClientInitiatedLogoutSuccessHandler logout =
          new OidcClientInitiatedLogoutSuccessHandler(registrations.getObject());
      logout.setPostLogoutRedirectUri("{baseUrl}/?logout");
      http.logout(l -> l.logoutSuccessHandler(logout));
    } else {
      CitizenDirectory dir = citizens.getObject();
      http.authenticationManager(new ProviderManager(citizenProvider(dir, encoder)))
          .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/cases", false)
              .failureUrl("/login?error").permitAll());
    }
    headers(http);
    return http.build();
  }

  private static void headers(HttpSecurity http) throws Exception {
    http.headers(h -> h
        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
        .frameOptions(f -> f.deny()));
  }
}

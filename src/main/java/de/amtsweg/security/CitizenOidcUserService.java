package de.amtsweg.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A citizen signed in over OIDC (BundID, Servicekonto) gets the citizen role and nothing else. */
class CitizenOidcUserService extends OidcUserService {

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = super.loadUser(request);
    return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(CitizenUser.ROLE)),
        user.getIdToken(), user.getUserInfo());
  }
}

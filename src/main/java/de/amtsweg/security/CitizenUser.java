package de.amtsweg.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** Spring Security principal of the citizen realm (demo login). */
public class CitizenUser extends User {

  public static final String ROLE = "ROLE_CITIZEN";
  private final Citizen citizen;

  public CitizenUser(Citizen citizen, String passwordHash) {
    super(citizen.id(), passwordHash, List.of(new SimpleGrantedAuthority(ROLE)));
    this.citizen = citizen;
  }

  public Citizen citizen() {
    return citizen;
  }
}

package de.amtsweg.security;

import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Demo citizens (profile "demo" only): password = user name. Erika is in the demo registers, Max in none. */
@Component
@Profile("demo")
public class DemoCitizenDirectory implements CitizenDirectory {

  private final Map<String, CitizenUser> users;

  public DemoCitizenDirectory(PasswordEncoder encoder) {
    this.users = Map.of(
        "erika", user(new Citizen("erika", "Erika", "Mustermann", "erika@example.org"), encoder),
        "max", user(new Citizen("max", "Max", "Muster", "max@example.org"), encoder));
  }

  private static CitizenUser user(Citizen citizen, PasswordEncoder encoder) {
    return new CitizenUser(citizen, encoder.encode(citizen.id()));
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    CitizenUser user = users.get(username);
    if (user == null) {
      throw new UsernameNotFoundException("unknown citizen");
    }
    // a fresh copy: Spring Security erases credentials of the instance it authenticated
    return new CitizenUser(user.citizen(), user.getPassword());
  }
}

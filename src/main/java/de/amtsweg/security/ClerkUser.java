package de.amtsweg.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** Spring Security principal of the clerk realm (Camunda identity service). */
public class ClerkUser extends User {

  public static final String ROLE = "ROLE_CLERK";
  public static final String ROLE_ADMIN = "ROLE_ADMIN";
  private final Clerk clerk;

  public ClerkUser(Clerk clerk) {
    super(clerk.id(), "", authorities(clerk));
    this.clerk = clerk;
  }

  private static List<GrantedAuthority> authorities(Clerk clerk) {
    List<GrantedAuthority> list = new ArrayList<>();
    list.add(new SimpleGrantedAuthority(ROLE));
    if (clerk.groups().contains(Clerk.ADMIN_GROUP)) {
      list.add(new SimpleGrantedAuthority(ROLE_ADMIN));
    }
    clerk.groups().forEach(g -> list.add(new SimpleGrantedAuthority("GROUP_" + g)));
    return list;
  }

  public Clerk clerk() {
    return clerk;
  }
}

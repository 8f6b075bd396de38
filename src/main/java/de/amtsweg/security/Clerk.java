package de.amtsweg.security;

import java.util.Set;

/** A signed-in clerk from the Camunda identity service; groups are offices. */
public record Clerk(String id, String displayName, Set<String> groups) implements java.io.Serializable {

  public static final String ADMIN_GROUP = "camunda-admin";

  public boolean memberOf(String group) {
    return groups.contains(group) || groups.contains(ADMIN_GROUP);
  }
}

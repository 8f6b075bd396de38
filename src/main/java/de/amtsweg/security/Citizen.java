package de.amtsweg.security;

/** A signed-in citizen as the portal knows them: from the demo login or the OIDC provider (BundID, Servicekonto). */
public record Citizen(String id, String givenName, String familyName, String email) implements java.io.Serializable {

  public String displayName() {
    return (givenName + " " + familyName).trim();
  }
}

package de.amtsweg.testsupport;

import de.amtsweg.security.Citizen;
import java.util.HashMap;
import java.util.Map;

/** Demo citizens and realistic application data for the resident parking permit. */
public final class Applications {

  public static final Citizen ERIKA = new Citizen("erika", "Erika", "Mustermann", "erika@example.org");
  public static final Citizen MAX = new Citizen("max", "Max", "Muster", "max@example.org");

  private Applications() {
  }

  /** Erika's application: everything the registers confirm (straight-through). */
  public static Map<String, Object> erika() {
    Map<String, Object> data = new HashMap<>();
    data.put("street", "Königstraße");
    data.put("houseNumber", "1");
    data.put("postalCode", "70173");
    data.put("city", "Stuttgart");
    data.put("licencePlate", "S-EM 1234");
    data.put("vehicleClass", "car");
    data.put("companyCar", false);
    data.put("validityMonths", "12");
    data.put("desiredStart", "2026-12-01");
    data.put("consentRegisterLookUp", true);
    return data;
  }

  /** Max's application: in neither register, so a clerk has to look at it. */
  public static Map<String, Object> max() {
    Map<String, Object> data = erika();
    data.put("street", "Marienstraße");
    data.put("houseNumber", "12");
    data.put("licencePlate", "S-MM 77");
    data.put("vehicleClass", "motorcycle");
    data.put("validityMonths", "24");
    return data;
  }
}

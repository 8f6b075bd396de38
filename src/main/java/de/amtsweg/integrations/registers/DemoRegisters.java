package de.amtsweg.integrations.registers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded demo population and vehicle registers, read from {@code demo/registers.json}. They stand
 * in for the real registers until a city provides its own {@link Register} beans.
 */
@Configuration
@ConditionalOnProperty(name = "amtsweg.registers.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoRegisters {

  record Resident(String givenName, String familyName, String street, String houseNumber, String postalCode,
      String city, boolean mainResidence) {
  }

  record Vehicle(String licencePlate, String holderGivenName, String holderFamilyName) {
  }

  record Data(List<Resident> residents, List<Vehicle> vehicles) {
  }

  static Data load(ObjectMapper json) {
    try (InputStream in = DemoRegisters.class.getResourceAsStream("/demo/registers.json")) {
      return json.readValue(in, Data.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Bean
  Register populationRegister(ObjectMapper json) {
    List<Resident> residents = load(json).residents();
    return new Register() {
      @Override
      public String name() {
        return "population";
      }

      @Override
      public RegisterAnswer lookUp(Map<String, Object> q) {
        return residents.stream()
            .filter(r -> same(r.givenName(), q.get("givenName")) && same(r.familyName(), q.get("familyName")))
            .findFirst()
            .map(r -> r.mainResidence() && sameStreet(r.street(), q.get("street"))
                && same(r.houseNumber(), q.get("houseNumber")) && same(r.postalCode(), q.get("postalCode"))
                && same(r.city(), q.get("city"))
                ? new RegisterAnswer(true, "Hauptwohnsitz an der angegebenen Anschrift bestätigt")
                : new RegisterAnswer(false, "Person gemeldet, aber nicht mit Hauptwohnsitz an dieser Anschrift"))
            .orElse(new RegisterAnswer(false, "Person im Melderegister nicht gefunden"));
      }
    };
  }

  @Bean
  Register vehicleRegister(ObjectMapper json) {
    List<Vehicle> vehicles = load(json).vehicles();
    return new Register() {
      @Override
      public String name() {
        return "vehicle";
      }

      @Override
      public RegisterAnswer lookUp(Map<String, Object> q) {
        return vehicles.stream().filter(v -> samePlate(v.licencePlate(), q.get("licencePlate"))).findFirst()
            .map(v -> same(v.holderGivenName(), q.get("givenName")) && same(v.holderFamilyName(), q.get("familyName"))
                ? new RegisterAnswer(true, "Fahrzeug ist auf die antragstellende Person zugelassen")
                : new RegisterAnswer(false, "Fahrzeug ist auf eine andere Person zugelassen"))
            .orElse(new RegisterAnswer(false, "Kennzeichen im Fahrzeugregister nicht gefunden"));
      }
    };
  }

  static String norm(Object value) {
    return value == null ? "" : value.toString().trim().toLowerCase(Locale.GERMAN).replaceAll("\\s+", " ");
  }

  static boolean same(String registered, Object stated) {
    return Objects.equals(norm(registered), norm(stated));
  }

  static boolean sameStreet(String registered, Object stated) {
    return norm(registered).replace("str.", "straße").replace("strasse", "straße")
        .equals(norm(stated).replace("str.", "straße").replace("strasse", "straße"));
  }

  static boolean samePlate(String registered, Object stated) {
    return norm(registered).replaceAll("[\\s-]", "").equals(norm(stated).replaceAll("[\\s-]", ""));
  }
}

package de.amtsweg.blocks.notice;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The authority that issues notices (letterhead, where to lodge an objection). */
@ConfigurationProperties("amtsweg.authority")
public record AuthorityProperties(String name, String department, String street, String postalCode, String city,
    String phone, String email) {

  public Map<String, Object> asModel() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("department", department);
    m.put("street", street);
    m.put("postalCode", postalCode);
    m.put("city", city);
    m.put("phone", phone);
    m.put("email", email);
    return m;
  }
}

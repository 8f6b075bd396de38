package de.amtsweg.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Form data → Camunda variables without Java serialization (which stays off): numbers become Long
 * or Double, lists and nested objects become JSON strings, everything else stays as it is.
 */
public final class ProcessVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessVariables() {
  }

  public static Map<String, Object> from(Map<String, Object> data) {
    Map<String, Object> variables = new LinkedHashMap<>();
    data.forEach((key, value) -> variables.put(key, convert(value)));
    return variables;
  }

  static Object convert(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().scale() <= 0 ? (Object) decimal.longValueExact() : decimal.doubleValue();
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return value;
  }
}

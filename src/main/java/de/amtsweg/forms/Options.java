package de.amtsweg.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Options of a choice field: static {@code values}, {@code valuesKey} (a list in the data) or
 * {@code valuesExpression} (FEEL). Data entries may be {label, value} maps or plain values.
 */
final class Options {
  private Options() {}

  static List<Option> of(FormField f, Map<String, Object> data, FormConditions conditions) {
    List<Option> out = new ArrayList<>();
    JsonNode values = f.raw().get("values");
    if (values != null && values.isArray()) {
      for (JsonNode v : values) {
        if (v.isObject()) {
          String value = v.path("value").asText("");
          String label = v.hasNonNull("label") ? v.get("label").asText() : value;
          out.add(new Option(value, label));
        } else if (v.isValueNode()) {
          out.add(new Option(v.asText(), v.asText()));
        }
      }
      return out;
    }
    Object source = null;
    JsonNode key = f.raw().get("valuesKey");
    JsonNode expr = f.raw().get("valuesExpression");
    if (key != null && key.isTextual() && !key.asText().isBlank()) {
      source = DataPaths.getOrNull(data, key.asText());
    } else if (expr != null && expr.isTextual() && !expr.asText().isBlank() && conditions != null) {
      source = conditions.evaluate(expr.asText(), data);
    }
    if (source instanceof Collection<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m) {
          Object value = m.get("value");
          if (value == null) {
            continue;
          }
          Object label = m.get("label");
          out.add(new Option(text(value), label == null ? text(value) : text(label)));
        } else if (item != null) {
          out.add(new Option(text(item), text(item)));
        }
      }
    }
    return out;
  }

  private static String text(Object o) {
    return o instanceof BigDecimal bd ? bd.toPlainString() : String.valueOf(o);
  }
}

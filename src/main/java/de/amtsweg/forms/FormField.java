package de.amtsweg.forms;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One input field of a form. {@code path} is the dotted data path (group paths + key), {@code label}
 * the raw label from the schema (may be a FEEL expression / template; falls back to dateLabel,
 * timeLabel, then the key), {@code raw} the component's JSON.
 */
public record FormField(String path, String key, String type, String label, JsonNode raw) {

  /** true only for a literal {@code readonly: true}; FEEL-valued readonly is evaluated by the validator. */
  public boolean readonly() {
    return raw.path("readonly").asBoolean(false);
  }

  public boolean disabled() {
    return raw.path("disabled").asBoolean(false);
  }

  public boolean required() {
    return raw.path("validate").path("required").asBoolean(false);
  }

  public String description() {
    JsonNode d = raw.get("description");
    return d == null || d.isNull() ? null : d.asText();
  }

  /** FEEL expression of {@code conditional.hide} (or legacy {@code condition}), or null. */
  public String hideExpression() {
    return FormDefinition.hideExpression(raw);
  }

  JsonNode validate() {
    return raw.path("validate");
  }
}

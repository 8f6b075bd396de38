package de.amtsweg.forms;

import java.util.Map;

/**
 * Outcome of {@link FormValidator#validate}. {@code data} is the cleaned, typed, nested data (only
 * known, visible, enabled fields); {@code errors} maps dotted field paths to localized messages.
 */
public record ValidationResult(Map<String, Object> data, Map<String, String> errors) {
  public ValidationResult {
    data = java.util.Collections.unmodifiableMap(data);
    errors = java.util.Collections.unmodifiableMap(errors);
  }

  public boolean valid() {
    return errors.isEmpty();
  }
}

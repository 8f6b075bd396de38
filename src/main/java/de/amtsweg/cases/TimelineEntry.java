package de.amtsweg.cases;

import java.time.OffsetDateTime;
import java.util.Locale;

/** One milestone on the citizen's status timeline, as named by the model's citizenStatus property. */
public record TimelineEntry(OffsetDateTime occurredAt, String elementId, String statusDe, String statusEn) {

  public String status(Locale locale) {
    return "en".equals(locale.getLanguage()) && statusEn != null ? statusEn : statusDe;
  }
}

package de.amtsweg.blocks.notice;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * Formatting helpers for notice templates, available there as {@code fmt}
 * (e.g. {@code ${fmt.date(desiredStart)}}). Notices are German documents, so every figure is
 * formatted the German way regardless of the request locale. Every method is null-safe and returns
 * {@link #MISSING} ("–") for a missing value, so a template never fails on an absent optional value.
 */
public final class NoticeFormat {

  /** Shown wherever a value is missing. */
  public static final String MISSING = "–";

  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Map<String, String> VEHICLE_CLASSES = Map.of(
      "car", "PKW",
      "motorcycle", "Motorrad/Kraftrad",
      "lightCommercial", "Leichtes Nutzfahrzeug");

  /** The value as text, or "–" if it is null or blank. */
  public String text(Object value) {
    if (value == null) {
      return MISSING;
    }
    String s = value.toString();
    return s.isBlank() ? MISSING : s;
  }

  /** True if the value is present and not blank. */
  public boolean present(Object value) {
    return value != null && !value.toString().isBlank();
  }

  /** German date "24.11.2026" from a LocalDate, date-time, Date or ISO string; "–" if missing. */
  public String date(Object value) {
    LocalDate date = toDate(value);
    if (date != null) {
      return GERMAN_DATE.format(date);
    }
    return text(value);
  }

  /** German currency "120,00 €" from a Number or numeric string; "–" if missing. */
  public String money(Object value) {
    BigDecimal amount = toDecimal(value);
    if (amount == null) {
      return text(value);
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
    return format.format(amount) + " €";
  }

  /** German name of a vehicle class key (car, motorcycle, lightCommercial); unknown keys as given. */
  public String vehicleClass(Object key) {
    if (!present(key)) {
      return MISSING;
    }
    return VEHICLE_CLASSES.getOrDefault(key.toString().trim(), key.toString());
  }

  /** "12 Monate" / "1 Monat"; "–" if missing. */
  public String months(Object value) {
    Integer months = toInt(value);
    if (months == null) {
      return text(value);
    }
    return months + (months == 1 ? " Monat" : " Monate");
  }

  /** Last day of validity: start plus the given number of months, minus one day; "–" if unknown. */
  public String validUntil(Object start, Object months) {
    LocalDate from = toDate(start);
    Integer n = toInt(months);
    if (from == null || n == null) {
      return MISSING;
    }
    return GERMAN_DATE.format(from.plusMonths(n).minusDays(1));
  }

  /** "Erika Mustermann" from a person map (givenName, familyName); "–" if both are missing. */
  public String fullName(Map<?, ?> person) {
    return joined(" ", get(person, "givenName"), get(person, "familyName"));
  }

  /** "Musterweg 12" from an address map (street, houseNumber). */
  public String streetLine(Map<?, ?> address) {
    return joined(" ", get(address, "street"), get(address, "houseNumber"));
  }

  /** "12345 Musterstadt" from an address map (postalCode, city). */
  public String placeLine(Map<?, ?> address) {
    return joined(" ", get(address, "postalCode"), get(address, "city"));
  }

  /** A map entry or null; tolerates a null map. */
  public Object get(Map<?, ?> map, String key) {
    return map == null ? null : map.get(key);
  }

  private String joined(String separator, Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (Object part : parts) {
      if (present(part)) {
        if (sb.length() > 0) {
          sb.append(separator);
        }
        sb.append(part.toString().trim());
      }
    }
    return sb.length() == 0 ? MISSING : sb.toString();
  }

  static LocalDate toDate(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof LocalDateTime dt) {
      return dt.toLocalDate();
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.atZoneSameInstant(BERLIN).toLocalDate();
    }
    if (value instanceof ZonedDateTime zdt) {
      return zdt.withZoneSameInstant(BERLIN).toLocalDate();
    }
    if (value instanceof Instant i) {
      return i.atZone(BERLIN).toLocalDate();
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(BERLIN).toLocalDate();
    }
    if (value instanceof TemporalAccessor) {
      return null;
    }
    String s = value.toString().trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static BigDecimal toDecimal(Object value) {
    if (value instanceof BigDecimal b) {
      return b;
    }
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer toInt(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value != null) {
      try {
        return Integer.valueOf(value.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}

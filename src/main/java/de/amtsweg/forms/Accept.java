package de.amtsweg.forms;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches a (content-sniffed) MIME type against an HTML {@code accept} list: MIME types
 * ({@code application/pdf}), wildcards ({@code image/*}) and file extensions ({@code .pdf}), which are
 * mapped to MIME types here. An extension we do not know matches nothing (we never trust file names).
 */
final class Accept {
  private static final Map<String, Set<String>> EXTENSIONS = Map.ofEntries(
      Map.entry(".pdf", Set.of("application/pdf")),
      Map.entry(".png", Set.of("image/png")),
      Map.entry(".jpg", Set.of("image/jpeg")),
      Map.entry(".jpeg", Set.of("image/jpeg")),
      Map.entry(".gif", Set.of("image/gif")),
      Map.entry(".webp", Set.of("image/webp")),
      Map.entry(".tif", Set.of("image/tiff")),
      Map.entry(".tiff", Set.of("image/tiff")),
      Map.entry(".heic", Set.of("image/heic")),
      Map.entry(".heif", Set.of("image/heif")),
      Map.entry(".svg", Set.of("image/svg+xml")),
      Map.entry(".txt", Set.of("text/plain")),
      Map.entry(".csv", Set.of("text/csv", "text/plain")),
      Map.entry(".xml", Set.of("application/xml", "text/xml")),
      Map.entry(".json", Set.of("application/json")),
      Map.entry(".zip", Set.of("application/zip")),
      Map.entry(".doc", Set.of("application/msword")),
      Map.entry(".docx",
          Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
      Map.entry(".xls", Set.of("application/vnd.ms-excel")),
      Map.entry(".xlsx", Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
      Map.entry(".odt", Set.of("application/vnd.oasis.opendocument.text")),
      Map.entry(".ods", Set.of("application/vnd.oasis.opendocument.spreadsheet")));

  private Accept() {}

  /** null/blank accept means "anything"; a null content type never matches a non-empty accept list. */
  static boolean matches(String accept, String contentType) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    if (contentType == null || contentType.isBlank()) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    for (String token : accept.split(",")) {
      String t = token.strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        continue;
      }
      if (t.startsWith(".")) {
        if (EXTENSIONS.getOrDefault(t, Set.of()).contains(type)) {
          return true;
        }
      } else if (t.endsWith("/*")) {
        if (type.startsWith(t.substring(0, t.length() - 1))) {
          return true;
        }
      } else if (t.equals(type) || t.equals("*/*") || t.equals("*")) {
        return true;
      }
    }
    return false;
  }
}

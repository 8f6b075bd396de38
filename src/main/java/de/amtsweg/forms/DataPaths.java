package de.amtsweg.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dotted-path access to nested maps (and list indexes) as JSON would give them. */
final class DataPaths {
  /** Marker for "no such key" (as opposed to a null value). */
  static final Object ABSENT = new Object();

  private DataPaths() {}

  static Object get(Map<String, ?> data, String path) {
    if (data == null || path == null) {
      return ABSENT;
    }
    Object current = data;
    for (String segment : path.split("\\.")) {
      if (current instanceof Map<?, ?> map) {
        if (!map.containsKey(segment)) {
          return ABSENT;
        }
        current = map.get(segment);
      } else if (current instanceof List<?> list && segment.chars().allMatch(Character::isDigit)
          && !segment.isEmpty()) {
        int i = Integer.parseInt(segment);
        if (i >= list.size()) {
          return ABSENT;
        }
        current = list.get(i);
      } else {
        return ABSENT;
      }
    }
    return current;
  }

  static Object getOrNull(Map<String, ?> data, String path) {
    Object v = get(data, path);
    return v == ABSENT ? null : v;
  }

  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> data, String path, Object value) {
    String[] segments = path.split("\\.");
    Map<String, Object> current = data;
    for (int i = 0; i < segments.length - 1; i++) {
      Object next = current.get(segments[i]);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        current.put(segments[i], next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(segments[segments.length - 1], value);
  }
}

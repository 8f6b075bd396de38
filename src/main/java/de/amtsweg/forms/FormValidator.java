package de.amtsweg.forms;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsweg.forms.FormDefinition.Component;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Server-side validation of submitted data against a form-js schema.
 *
 * <p>Rules: only known, visible (not hidden by {@code conditional.hide}), non-disabled fields are kept;
 * readonly fields take the server's prefill value (input ignored); empty optional fields are kept as
 * {@code null} (checkbox: {@code false}, checklist/taglist/filepicker: empty list), so BPMN expressions
 * can reference them. Options of {@code valuesKey}/{@code valuesExpression} fields are taken from the
 * prefill only, never from the user's input.
 *
 * <p>dynamiclist: the value at the list path is a list of maps; every item is validated against the
 * list's child components, errors are keyed {@code list.<index>.<key>}. Items that are not maps are
 * dropped. The list's own min/max item counts are not checked.
 */
@org.springframework.stereotype.Component
public class FormValidator {

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\"<>]+@[^@\\s\"<>.]+(\\.[^@\\s\"<>.]+)+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/.\\-]{4,24}");

  private final FormConditions conditions;
  private final FormMessages messages;

  @Autowired
  public FormValidator(FormConditions conditions, MessageSource messageSource) {
    this.conditions = conditions;
    this.messages = new FormMessages(messageSource);
  }

  /** A value that could not be converted to the field's type; carries the message code. */
  private record Invalid(Object raw, String code) {}

  public ValidationResult validate(FormDefinition form, Map<String, Object> input,
      Map<String, Object> prefill, Locale locale) {
    Map<String, Object> in = input == null ? Map.of() : input;
    Map<String, Object> pre = prefill == null ? Map.of() : prefill;
    // 1. typed view of everything the user sent (+ prefill for readonly), used for conditions
    Map<String, Object> typed = new LinkedHashMap<>(pre);
    coerceAll(form.components(), "", in, pre, typed, typed);
    Set<String> hidden = conditions.hiddenPaths(form, conditionView(typed));
    // 2. validate visible fields and build the cleaned data
    Map<String, Object> data = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    check(form.components(), "", typed, typed, pre, hidden, data, errors, locale);
    return new ValidationResult(data, errors);
  }

  // ------------------------------------------------------------------ coercion

  private void coerceAll(List<Component> components, String prefix, Map<String, Object> in,
      Map<String, Object> pre, Map<String, Object> root, Map<String, Object> target) {
    for (Component c : components) {
      if (c.isInput()) {
        FormField f = c.field();
        Object value;
        if (isReadonly(f, root)) {
          Object p = DataPaths.get(pre, prefix + c.path());
          value = p != DataPaths.ABSENT ? p : defaultValue(f);
        } else {
          Object raw = DataPaths.get(in, c.path());
          value = raw == DataPaths.ABSENT ? null : coerce(f, raw);
        }
        DataPaths.set(target, c.path(), value);
      } else if (c.type().equals("group")) {
        coerceAll(c.children(), prefix, in, pre, root, target);
      } else if (c.type().equals("dynamiclist")) {
        Object items = DataPaths.getOrNull(in, c.path());
        List<Object> typedItems = new ArrayList<>();
        if (items instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> item) {
              @SuppressWarnings("unchecked")
              Map<String, Object> itemIn = (Map<String, Object>) item;
              Map<String, Object> itemOut = new LinkedHashMap<>();
              coerceAll(c.children(), prefix + c.path() + "." + i + ".", itemIn, pre, root, itemOut);
              typedItems.add(itemOut);
            }
          }
        }
        DataPaths.set(target, c.path(), typedItems);
      }
    }
  }

  /** Converts a raw input value (String from HTTP, or JSON types) to the field's Java type. */
  Object coerce(FormField f, Object raw) {
    if (raw instanceof Invalid) {
      return raw;
    }
    switch (f.type()) {
      case "textfield", "textarea" -> {
        String s = scalarString(raw);
        if (s == null) {
          return raw == null ? null : new Invalid(raw, "forms.error.invalid");
        }
        s = s.replace("\r\n", "\n").strip();
        return s.isEmpty() ? null : s;
      }
      case "number" -> {
        return toNumber(raw);
      }
      case "checkbox" -> {
        if (raw == null) {
          return Boolean.FALSE;
        }
        if (raw instanceof Boolean b) {
          return b;
        }
        String s = scalarString(raw);
        if (s == null) {
          return new Invalid(raw, "forms.error.invalid");
        }
        s = s.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
          case "true", "on", "1", "yes" -> Boolean.TRUE;
          case "false", "off", "0", "no", "" -> Boolean.FALSE;
          default -> new Invalid(raw, "forms.error.invalid");
        };
      }
      case "select", "radio", "datetime" -> {
        String s = scalarString(raw);
        if (s == null) {
          return raw == null ? null : new Invalid(raw, "forms.error.option");
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
      }
      case "checklist", "taglist" -> {
        List<String> out = new ArrayList<>();
        Collection<?> items = raw instanceof Collection<?> col ? col
            : raw instanceof Object[] arr ? List.of(arr) : raw == null ? List.of() : List.of(raw);
        for (Object item : items) {
          String s = scalarString(item);
          if (s == null) {
            return new Invalid(raw, "forms.error.option");
          }
          if (!s.isBlank() && !out.contains(s.strip())) {
            out.add(s.strip());
          }
        }
        return out;
      }
      case "filepicker" -> {
        List<UploadedFile> out = new ArrayList<>();
        Collection<?> items = raw instanceof Collection<?> col ? col
            : raw == null ? List.of() : List.of(raw);
        for (Object item : items) {
          if (item instanceof UploadedFile file) {
            if (!file.isEmptyPart()) {
              out.add(file);
            }
          } else if (item != null && !"".equals(item)) {
            // a string or anything else is never accepted as a file
            return new Invalid(raw, "forms.error.required.file");
          }
        }
        return out;
      }
      default -> {
        return raw;
      }
    }
  }

  private static String scalarString(Object raw) {
    if (raw instanceof String s) {
      return s;
    }
    if (raw instanceof Number || raw instanceof Boolean) {
      return raw instanceof BigDecimal bd ? bd.toPlainString() : raw.toString();
    }
    if (raw instanceof String[] arr && arr.length == 1) {
      return arr[0];
    }
    return null;
  }

  /** Long for integers that fit, BigDecimal otherwise; strict: only "12" / "12.5" style strings. */
  static Object toNumber(Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof BigDecimal bd) {
      return normalize(bd);
    }
    if (raw instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? new Invalid(raw, "forms.error.number")
          : normalize(BigDecimal.valueOf(d));
    }
    if (raw instanceof Number n) {
      return normalize(new BigDecimal(n.toString()));
    }
    String s = scalarString(raw);
    if (s == null) {
      return new Invalid(raw, "forms.error.number");
    }
    s = s.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (INTEGER.matcher(s).matches()) {
      return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    }
    if (DECIMAL.matcher(s).matches() && s.length() <= 40) {
      return normalize(new BigDecimal(s));
    }
    return new Invalid(raw, "forms.error.number");
  }

  private static Object normalize(BigDecimal bd) {
    BigDecimal stripped = bd.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return stripped.longValueExact();
    }
    return bd;
  }

  // ------------------------------------------------------------------ validation

  private void check(List<Component> components, String prefix, Map<String, Object> root,
      Map<String, Object> scope, Map<String, Object> pre, Set<String> hidden,
      Map<String, Object> out, Map<String, String> errors, Locale locale) {
    for (Component c : components) {
      String full = prefix + c.wrapperKey();
      if (hidden.contains(full)) {
        continue;
      }
      if (c.isInput()) {
        FormField f = c.field();
        if (f.disabled()) {
          continue;
        }
        Object value = DataPaths.getOrNull(scope, c.path());
        Map<String, Object> evalData = conditionView(scope);
        if (isReadonly(f, evalData)) {
          DataPaths.set(out, c.path(), value instanceof Invalid inv ? null : value);
          continue;
        }
        String code = value instanceof Invalid inv ? inv.code() : checkValue(f, value, evalData, pre);
        if (code != null) {
          errors.put(prefix + c.path(), message(code, f, value, evalData, locale));
        } else {
          DataPaths.set(out, c.path(), value);
        }
      } else if (c.type().equals("group")) {
        check(c.children(), prefix, root, scope, pre, hidden, out, errors, locale);
      } else if (c.type().equals("dynamiclist")) {
        Object items = DataPaths.getOrNull(scope, c.path());
        List<Object> cleaned = new ArrayList<>();
        if (items instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) list.get(i);
            Map<String, Object> itemOut = new LinkedHashMap<>();
            check(c.children(), prefix + c.path() + "." + i + ".", root,
                FormConditions.itemScope(root, item), pre, hidden, itemOut, errors, locale);
            cleaned.add(itemOut);
          }
        }
        DataPaths.set(out, c.path(), cleaned);
      }
    }
  }

  /** Returns a message code when the (already typed) value violates the field's rules, else null. */
  private String checkValue(FormField f, Object value, Map<String, Object> data,
      Map<String, Object> pre) {
    JsonNode v = f.validate();
    boolean required = v.path("required").asBoolean(false);
    if (isEmpty(f, value)) {
      if (!required) {
        return null;
      }
      return switch (f.type()) {
        case "checkbox" -> "forms.error.required.checkbox";
        case "select", "radio", "checklist", "taglist" -> "forms.error.required.choice";
        case "filepicker" -> "forms.error.required.file";
        default -> "forms.error.required";
      };
    }
    switch (f.type()) {
      case "textfield", "textarea" -> {
        String s = (String) value;
        int length = s.codePointCount(0, s.length());
        BigDecimal min = number(v.get("minLength"), data);
        BigDecimal max = maxLength(v, data);
        if (min != null && length < min.intValue()) {
          return "forms.error.minLength";
        }
        if (max != null && length > max.intValue()) {
          return "forms.error.maxLength";
        }
        String type = v.path("validationType").asText("");
        if (type.equals("email") && !EMAIL.matcher(s).matches()) {
          return "forms.error.email";
        }
        if (type.equals("phone") && !PHONE.matcher(s).matches()) {
          return "forms.error.phone";
        }
        String pattern = v.path("pattern").asText("");
        if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(s).matches()) {
          return "forms.error.pattern";
        }
      }
      case "number" -> {
        BigDecimal n = new BigDecimal(value.toString());
        BigDecimal min = number(v.get("min"), data);
        BigDecimal max = number(v.get("max"), data);
        if (min != null && n.compareTo(min) < 0) {
          return "forms.error.min";
        }
        if (max != null && n.compareTo(max) > 0) {
          return "forms.error.max";
        }
        JsonNode digits = f.raw().get("decimalDigits");
        if (digits != null && digits.canConvertToInt()
            && Math.max(0, n.stripTrailingZeros().scale()) > digits.asInt()) {
          return "forms.error.decimalDigits";
        }
      }
      case "select", "radio" -> {
        if (!optionValues(f, pre).contains(value.toString())) {
          return "forms.error.option";
        }
      }
      case "checklist", "taglist" -> {
        Set<String> allowed = optionValues(f, pre);
        for (Object item : (List<?>) value) {
          if (!allowed.contains(item.toString())) {
            return "forms.error.option";
          }
        }
      }
      case "datetime" -> {
        return checkDateTime(f, value.toString());
      }
      case "filepicker" -> {
        @SuppressWarnings("unchecked")
        List<UploadedFile> files = (List<UploadedFile>) value;
        if (files.size() > 1 && !multiple(f, data)) {
          return "forms.error.fileCount";
        }
        String accept = conditions.accept(f, data);
        for (UploadedFile file : files) {
          if (!Accept.matches(accept, file.contentType())) {
            return "forms.error.fileType";
          }
        }
      }
      default -> {
        return null;
      }
    }
    return null;
  }

  private static String checkDateTime(FormField f, String s) {
    String subtype = f.raw().path("subtype").asText("date");
    try {
      switch (subtype) {
        case "time" -> LocalTime.parse(stripOffset(s));
        case "datetime" -> {
          LocalDateTime dt = LocalDateTime.parse(stripOffset(s));
          if (f.raw().path("disallowPassedDates").asBoolean(false)
              && dt.toLocalDate().isBefore(LocalDate.now())) {
            return "forms.error.datePast";
          }
        }
        default -> {
          LocalDate d = LocalDate.parse(s);
          if (f.raw().path("disallowPassedDates").asBoolean(false) && d.isBefore(LocalDate.now())) {
            return "forms.error.datePast";
          }
        }
      }
      return null;
    } catch (DateTimeParseException e) {
      return switch (subtype) {
        case "time" -> "forms.error.time";
        case "datetime" -> "forms.error.datetime";
        default -> "forms.error.date";
      };
    }
  }

  /** form-js may store times with a UTC offset ("11:30+02:00", "11:30Z"); we accept and keep them. */
  private static String stripOffset(String s) {
    return s.replaceFirst("(Z|[+-]\\d{2}:\\d{2})$", "");
  }

  private static boolean isEmpty(FormField f, Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty())
        || (f.type().equals("checkbox") && Boolean.FALSE.equals(value));
  }

  private String message(String code, FormField f, Object value, Map<String, Object> data,
      Locale locale) {
    JsonNode v = f.validate();
    // form-js: the designer's own message for a pattern mismatch (validate.patternErrorMessage)
    String patternMessage = v.path("patternErrorMessage").asText("");
    if (code.equals("forms.error.pattern") && !patternMessage.isBlank()) {
      return patternMessage;
    }
    Object[] args = switch (code) {
      case "forms.error.minLength" -> new Object[] {plain(number(v.get("minLength"), data))};
      case "forms.error.maxLength" -> new Object[] {plain(maxLength(v, data))};
      case "forms.error.min" -> new Object[] {plain(number(v.get("min"), data))};
      case "forms.error.max" -> new Object[] {plain(number(v.get("max"), data))};
      case "forms.error.decimalDigits" -> new Object[] {f.raw().path("decimalDigits").asText()};
      case "forms.error.fileType" -> {
        String accept = conditions.accept(f, data);
        String name = "";
        if (value instanceof List<?> files) {
          for (Object o : files) {
            UploadedFile file = (UploadedFile) o;
            if (!Accept.matches(accept, file.contentType())) {
              name = file.originalName() == null ? "" : file.originalName();
              break;
            }
          }
        }
        yield new Object[] {name, accept == null ? "" : accept.replace(",", ", ")};
      }
      default -> new Object[0];
    };
    return messages.get(code, locale, args);
  }

  private static String plain(BigDecimal n) {
    return n == null ? "" : n.stripTrailingZeros().toPlainString();
  }

  /** A numeric schema property: literal number, numeric string, or "=FEEL". */
  private BigDecimal number(JsonNode node, Map<String, Object> data) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      String s = node.asText().strip();
      Object r = s.startsWith("=") ? conditions.evaluate(s, data) : s;
      Object n = toNumber(r);
      return n instanceof Number num ? new BigDecimal(num.toString()) : null;
    }
    return null;
  }

  boolean isReadonly(FormField f, Map<String, Object> data) {
    JsonNode r = f.raw().get("readonly");
    if (r == null || r.isNull()) {
      return false;
    }
    if (r.isTextual() && r.asText().strip().startsWith("=")) {
      return FormConditions.truthy(conditions.evaluate(r.asText(), data));
    }
    return r.asBoolean(false);
  }

  boolean multiple(FormField f, Map<String, Object> data) {
    JsonNode m = f.raw().get("multiple");
    if (m == null || m.isNull()) {
      return false;
    }
    if (m.isTextual() && m.asText().strip().startsWith("=")) {
      return FormConditions.truthy(conditions.evaluate(m.asText(), data));
    }
    return m.asBoolean(false);
  }

  /**
   * The form's maxLength, or {@value #TEXT_CAP} when the designer set none: free text becomes a
   * process variable, and the engine stores strings up to 4000 characters.
   */
  private BigDecimal maxLength(JsonNode validate, Map<String, Object> data) {
    BigDecimal max = number(validate.get("maxLength"), data);
    return max == null || max.intValue() > TEXT_CAP ? BigDecimal.valueOf(TEXT_CAP) : max;
  }

  static final int TEXT_CAP = 4000;

  Set<String> optionValues(FormField f, Map<String, Object> pre) {
    Set<String> out = new TreeSet<>();
    for (Option o : Options.of(f, pre, conditions)) {
      out.add(o.value());
    }
    return out;
  }

  private static Object defaultValue(FormField f) {
    JsonNode d = f.raw().get("defaultValue");
    if (d == null || d.isNull()) {
      return null;
    }
    if (d.isArray()) {
      List<String> out = new ArrayList<>();
      d.forEach(n -> out.add(n.asText()));
      return out;
    }
    if (d.isBoolean()) {
      return d.asBoolean();
    }
    if (d.isNumber()) {
      return toNumber(d.decimalValue());
    }
    return d.asText();
  }

  static Object defaultValueOf(FormField f) {
    return defaultValue(f);
  }

  /** The view on data that FEEL expressions see: invalid values show up as their raw input. */
  private static Map<String, Object> conditionView(Map<String, Object> typed) {
    Map<String, Object> view = new LinkedHashMap<>();
    typed.forEach((k, val) -> view.put(k, unwrap(val)));
    return view;
  }

  @SuppressWarnings("unchecked")
  private static Object unwrap(Object v) {
    if (v instanceof Invalid inv) {
      return inv.raw();
    }
    if (v instanceof Map<?, ?> m) {
      return conditionView((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(FormValidator::unwrap).toList();
    }
    return v;
  }

  // ------------------------------------------------------------------ HTTP

  /**
   * Converts HTML form POST parameters (dotted names, multi-valued) and multipart files (keyed by the
   * dotted field path) into the nested input map for {@link #validate}. Numbers that parse become
   * Long/BigDecimal (so FEEL conditions compare numbers), unparseable ones stay strings and fail in
   * validate; an absent checkbox means false; checklist/taglist become List&lt;String&gt;; filepicker
   * becomes List&lt;UploadedFile&gt; (empty parts dropped). dynamiclist items are read from
   * {@code list.<index>.<key>} names. Parameters that are no field are dropped.
   */
  public Map<String, Object> fromHttpParameters(FormDefinition form, Map<String, String[]> params,
      Map<String, List<UploadedFile>> files) {
    Map<String, Object> out = new LinkedHashMap<>();
    fromHttp(form.components(), "", params == null ? Map.of() : params,
        files == null ? Map.of() : files, out);
    return out;
  }

  private void fromHttp(List<Component> components, String prefix, Map<String, String[]> params,
      Map<String, List<UploadedFile>> files, Map<String, Object> out) {
    for (Component c : components) {
      if (c.isInput()) {
        FormField f = c.field();
        String name = prefix + c.path();
        String[] values = params.get(name);
        Object value;
        switch (f.type()) {
          case "filepicker" -> {
            List<UploadedFile> fs = files.get(name);
            if (fs == null) {
              continue;
            }
            value = fs.stream().filter(file -> file != null && !file.isEmptyPart()).toList();
          }
          case "checkbox" -> value = values != null && values.length > 0
              && coerce(f, values[values.length - 1]) == Boolean.TRUE;
          case "checklist", "taglist" -> {
            if (values == null) {
              value = List.of();
            } else {
              value = List.of(values);
            }
          }
          default -> {
            if (values == null || values.length == 0) {
              continue;
            }
            value = f.type().equals("number") ? numberOrString(values[0]) : values[0];
          }
        }
        DataPaths.set(out, c.path(), value);
      } else if (c.type().equals("group")) {
        fromHttp(c.children(), prefix, params, files, out);
      } else if (c.type().equals("dynamiclist")) {
        String listPrefix = prefix + c.path() + ".";
        Set<Integer> indexes = new TreeSet<>();
        for (String key : concat(params.keySet(), files.keySet())) {
          if (key.startsWith(listPrefix)) {
            String rest = key.substring(listPrefix.length());
            int dot = rest.indexOf('.');
            String idx = dot < 0 ? rest : rest.substring(0, dot);
            if (idx.matches("\\d{1,4}")) {
              indexes.add(Integer.parseInt(idx));
            }
          }
        }
        List<Object> items = new ArrayList<>();
        for (int i : indexes) {
          Map<String, Object> item = new LinkedHashMap<>();
          fromHttp(c.children(), listPrefix + i + ".", params, files, item);
          items.add(item);
        }
        DataPaths.set(out, c.path(), items);
      }
    }
  }

  private static List<String> concat(Set<String> a, Set<String> b) {
    List<String> l = new ArrayList<>(a);
    l.addAll(b);
    return l;
  }

  private static Object numberOrString(String s) {
    Object n = toNumber(s);
    return n instanceof Invalid ? s : n;
  }
}

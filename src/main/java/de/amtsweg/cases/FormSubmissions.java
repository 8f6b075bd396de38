package de.amtsweg.cases;

import de.amtsweg.forms.FormConditions;
import de.amtsweg.forms.FormDefinition;
import de.amtsweg.forms.FormField;
import de.amtsweg.forms.FormValidator;
import de.amtsweg.forms.UploadedFile;
import de.amtsweg.forms.ValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Turns what a browser (urlencoded or multipart POST) or an API client (JSON, files as
 * {@code [{"name": ..., "contentBase64": ...}]}) sent into the validator's input, with every upload
 * inspected by content on the way.
 */
@Component
public class FormSubmissions {

  /** What the user sent, and what was wrong with the uploads before validation. */
  public record FormInput(Map<String, Object> input, Map<String, String> uploadErrors) {

    public static FormInput of(Map<String, Object> input) {
      return new FormInput(input, Map.of());
    }
  }

  private final FormValidator validator;
  private final FormConditions conditions;
  private final UploadInspector uploads;
  private final MessageSource messages;

  public FormSubmissions(FormValidator validator, FormConditions conditions, UploadInspector uploads,
      MessageSource messages) {
    this.validator = validator;
    this.conditions = conditions;
    this.uploads = uploads;
    this.messages = messages;
  }

  /** Validates against the form; upload problems (size, type) replace the validator's message for that field. */
  public ValidationResult validate(FormDefinition form, FormInput input, Map<String, Object> prefill, Locale locale) {
    ValidationResult result = validator.validate(form, input.input(), prefill, locale);
    if (input.uploadErrors().isEmpty()) {
      return result;
    }
    Map<String, String> errors = new LinkedHashMap<>(result.errors());
    // a file sent for a field the form hides (or does not have) is dropped, not held against the user
    Set<String> hidden = conditions.hiddenPaths(form, input.input());
    input.uploadErrors().forEach((path, message) -> {
      if (form.field(path).isPresent() && !hidden.contains(path)) {
        errors.put(path, message);
      }
    });
    return new ValidationResult(result.data(), errors);
  }

  public FormInput fromRequest(FormDefinition form, HttpServletRequest request, Locale locale) {
    UploadInspector.Inspected inspected = request instanceof MultipartHttpServletRequest multipart
        ? uploads.inspect(UploadInspector.fromMultipart(multipart.getMultiFileMap()), locale)
        : new UploadInspector.Inspected(Map.of(), Map.of());
    return new FormInput(validator.fromHttpParameters(form, request.getParameterMap(), inspected.files()),
        inspected.errors());
  }

  public FormInput fromJson(FormDefinition form, Map<String, Object> body, Locale locale) {
    Map<String, Object> input = deepCopy(body);
    Map<String, List<UploadInspector.RawFile>> raw = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      if (!"filepicker".equals(field.type())) {
        continue;
      }
      Object value = get(input, field.path());
      if (value instanceof List<?> list) {
        try {
          raw.put(field.path(), list.stream().map(FormSubmissions::rawFile).toList());
        } catch (IllegalArgumentException e) {
          errors.put(field.path(), messages.getMessage("upload.malformed", null, locale));
        }
      } else if (value != null) {
        errors.put(field.path(), messages.getMessage("upload.malformed", null, locale));
      }
      remove(input, field.path());
    }
    UploadInspector.Inspected inspected = uploads.inspect(raw, locale);
    inspected.files().forEach((path, files) -> put(input, path, files));
    errors.putAll(inspected.errors());
    return new FormInput(input, errors);
  }

  private static UploadInspector.RawFile rawFile(Object item) {
    if (!(item instanceof Map<?, ?> m) || !(m.get("contentBase64") instanceof String b64)) {
      throw new IllegalArgumentException("file entry needs name and contentBase64");
    }
    Object name = m.get("name");
    return new UploadInspector.RawFile(name == null ? "upload" : name.toString(), Base64.getDecoder().decode(b64));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parent(Map<String, Object> root, String path, boolean create) {
    String[] parts = path.split("\\.");
    Map<String, Object> current = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = current.get(parts[i]);
      if (!(next instanceof Map<?, ?>)) {
        if (!create) {
          return null;
        }
        next = new LinkedHashMap<String, Object>();
        current.put(parts[i], next);
      }
      current = (Map<String, Object>) next;
    }
    return current;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static Object get(Map<String, Object> root, String path) {
    Map<String, Object> parent = parent(root, path, false);
    return parent == null ? null : parent.get(last(path));
  }

  private static void remove(Map<String, Object> root, String path) {
    Map<String, Object> parent = parent(root, path, false);
    if (parent != null) {
      parent.remove(last(path));
    }
  }

  private static void put(Map<String, Object> root, String path, List<UploadedFile> files) {
    parent(root, path, true).put(last(path), files);
  }
}

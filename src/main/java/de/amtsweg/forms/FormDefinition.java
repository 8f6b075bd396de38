package de.amtsweg.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parsed form-js schema. Immutable. */
public final class FormDefinition {

  /** Component types that hold a value. */
  static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "taglist", "datetime", "filepicker");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private final String id;
  private final JsonNode schema;
  private final List<Component> components;
  private final List<FormField> fields;
  private final Map<String, FormField> byPath;

  /**
   * Internal component tree. {@code path} is relative to its scope (the root, or one item of a
   * dynamiclist): for input fields the data path, for groups with {@code path} and dynamiclists their
   * data path, otherwise null. {@code wrapperKey} identifies the component in data-path attributes and
   * hiddenPaths (for path-less groups a synthetic key).
   */
  record Component(String type, JsonNode raw, String path, String wrapperKey, FormField field,
      List<Component> children) {
    boolean isInput() {
      return field != null;
    }
  }

  private FormDefinition(JsonNode schema) {
    this.schema = schema;
    JsonNode idNode = schema.get("id");
    this.id = idNode == null || idNode.isNull() ? null : idNode.asText();
    List<FormField> flat = new ArrayList<>();
    Map<String, FormField> paths = new LinkedHashMap<>();
    int[] counter = {0};
    this.components = Collections.unmodifiableList(
        build(schema.get("components"), "", flat, paths, new HashSet<>(), counter, true));
    this.fields = Collections.unmodifiableList(flat);
    this.byPath = Collections.unmodifiableMap(paths);
  }

  public static FormDefinition parse(String json) {
    if (json == null) {
      throw new FormSchemaException("form schema is null");
    }
    try {
      return of(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new FormSchemaException("form schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static FormDefinition parse(InputStream in) {
    try (in) {
      return of(MAPPER.readTree(in));
    } catch (JsonProcessingException e) {
      throw new FormSchemaException("form schema is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FormSchemaException("cannot read form schema", e);
    }
  }

  private static FormDefinition of(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new FormSchemaException("form schema must be a JSON object");
    }
    if (!root.path("components").isArray()) {
      throw new FormSchemaException("form schema needs a 'components' array");
    }
    return new FormDefinition(root);
  }

  /** Schema "id"; null when the schema has none. */
  public String id() {
    return id;
  }

  /**
   * All input fields, flattened through groups, in document order. Fields inside a dynamiclist are not
   * listed (their data lives in list items, see {@link FormValidator}).
   */
  public List<FormField> fields() {
    return fields;
  }

  public Optional<FormField> field(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  JsonNode schema() {
    return schema;
  }

  List<Component> components() {
    return components;
  }

  static String hideExpression(JsonNode raw) {
    JsonNode hide = raw.path("conditional").path("hide");
    if (hide.isTextual() && !hide.asText().isBlank()) {
      return hide.asText();
    }
    // legacy form-js schemas (e.g. conformance condition.json) carry a plain "condition" string
    JsonNode legacy = raw.get("condition");
    if (legacy != null && legacy.isTextual() && !legacy.asText().isBlank()) {
      return legacy.asText();
    }
    return null;
  }

  private static List<Component> build(JsonNode array, String prefix, List<FormField> flat,
      Map<String, FormField> paths, Set<String> scopePaths, int[] counter, boolean topScope) {
    List<Component> out = new ArrayList<>();
    if (array == null || array.isNull()) {
      return out;
    }
    if (!array.isArray()) {
      throw new FormSchemaException("'components' must be an array");
    }
    for (JsonNode c : array) {
      if (!c.isObject()) {
        throw new FormSchemaException("component must be a JSON object: " + c);
      }
      String type = c.path("type").asText("");
      if (type.isEmpty()) {
        throw new FormSchemaException("component without 'type': " + c);
      }
      if (INPUT_TYPES.contains(type)) {
        String key = c.path("key").asText("");
        if (key.isEmpty()) {
          throw new FormSchemaException("input component of type '" + type + "' needs a 'key'");
        }
        checkPath(key);
        String path = prefix + key;
        if (!scopePaths.add(path)) {
          throw new FormSchemaException("duplicate field path '" + path + "'");
        }
        checkPattern(c, path);
        FormField field = new FormField(path, key, type, labelOf(c, key), c);
        if (topScope) {
          flat.add(field);
          paths.put(path, field);
        }
        out.add(new Component(type, c, path, path, field, List.of()));
      } else if (type.equals("group")) {
        String groupPath = c.path("path").asText("");
        String childPrefix = prefix;
        String wrapperKey;
        if (!groupPath.isEmpty()) {
          checkPath(groupPath);
          childPrefix = prefix + groupPath + ".";
          wrapperKey = prefix + groupPath;
        } else {
          wrapperKey = "_group" + (counter[0]++);
        }
        List<Component> children =
            build(c.get("components"), childPrefix, flat, paths, scopePaths, counter, topScope);
        out.add(new Component(type, c, groupPath.isEmpty() ? null : prefix + groupPath, wrapperKey,
            null, List.copyOf(children)));
      } else if (type.equals("dynamiclist")) {
        String listPath = c.path("path").asText("");
        if (listPath.isEmpty()) {
          throw new FormSchemaException("dynamiclist needs a 'path'");
        }
        checkPath(listPath);
        String path = prefix + listPath;
        if (!scopePaths.add(path)) {
          throw new FormSchemaException("duplicate field path '" + path + "'");
        }
        // children are scoped to one list item: their paths are relative to the item
        List<Component> children =
            build(c.get("components"), "", flat, paths, new HashSet<>(), counter, false);
        out.add(new Component(type, c, path, path, null, List.copyOf(children)));
      } else {
        // text, separator, spacer, image, button, html, ... : no data
        out.add(new Component(type, c, null, "_c" + (counter[0]++), null, List.of()));
      }
    }
    return out;
  }

  private static void checkPath(String path) {
    for (String segment : path.split("\\.", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        throw new FormSchemaException("invalid key or path '" + path + "'");
      }
    }
  }

  private static void checkPattern(JsonNode c, String path) {
    JsonNode p = c.path("validate").get("pattern");
    if (p != null && p.isTextual() && !p.asText().isEmpty()) {
      try {
        Pattern.compile(p.asText());
      } catch (PatternSyntaxException e) {
        throw new FormSchemaException("invalid pattern for field '" + path + "': " + e.getMessage(), e);
      }
    }
  }

  private static String labelOf(JsonNode c, String key) {
    for (String attr : List.of("label", "dateLabel", "timeLabel")) {
      JsonNode l = c.get(attr);
      if (l != null && l.isTextual() && !l.asText().isBlank()) {
        return l.asText();
      }
    }
    return key;
  }
}

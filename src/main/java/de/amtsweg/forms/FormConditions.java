package de.amtsweg.forms;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsweg.forms.FormDefinition.Component;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FEEL evaluation for form-js expressions (conditional.hide, "=..." valued properties), using the
 * Scala FEEL engine that ships with Camunda 7. Unknown variables evaluate to null (the engine does not
 * throw for them); expressions that fail to parse or evaluate yield null and are logged.
 */
@org.springframework.stereotype.Component
public class FormConditions {

  private static final Logger LOG = LoggerFactory.getLogger(FormConditions.class);
  private static volatile FeelEngine sharedEngine;

  private final FeelEngine engine;

  public FormConditions() {
    this.engine = engine();
  }

  private static FeelEngine engine() {
    FeelEngine e = sharedEngine;
    if (e == null) {
      synchronized (FormConditions.class) {
        e = sharedEngine;
        if (e == null) {
          e = new ScalaFeelEngineFactory().createInstance();
          sharedEngine = e;
        }
      }
    }
    return e;
  }

  /**
   * Dotted paths of components hidden by their {@code conditional.hide} expression for the given data.
   * For a hidden group, the paths of all its fields are included too (and the group's own data-path
   * key). Fields in a dynamiclist are reported per item as {@code list.<index>.<key>}.
   */
  public Set<String> hiddenPaths(FormDefinition form, Map<String, Object> data) {
    Set<String> hidden = new LinkedHashSet<>();
    Map<String, Object> safe = data == null ? Map.of() : data;
    collect(form.components(), "", safe, safe, false, hidden);
    return hidden;
  }

  private void collect(List<Component> components, String scopePrefix, Map<String, Object> root,
      Map<String, Object> scope, boolean parentHidden, Set<String> hidden) {
    for (Component c : components) {
      String expr = FormDefinition.hideExpression(c.raw());
      boolean isHidden = parentHidden || (expr != null && truthy(evaluate(expr, scope)));
      if (isHidden) {
        hidden.add(scopePrefix + c.wrapperKey());
      }
      if (c.type().equals("group")) {
        collect(c.children(), scopePrefix, root, scope, isHidden, hidden);
      } else if (c.type().equals("dynamiclist")) {
        Object items = DataPaths.getOrNull(scope, c.path());
        int count = items instanceof List<?> l ? Math.max(1, l.size()) : 1;
        for (int i = 0; i < count; i++) {
          Object item = items instanceof List<?> l && i < l.size() ? l.get(i) : null;
          collect(c.children(), scopePrefix + c.path() + "." + i + ".", root,
              itemScope(root, item), isHidden, hidden);
        }
      }
    }
  }

  /** Variables visible inside one dynamiclist item: the root data overlaid with the item's data. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> itemScope(Map<String, Object> root, Object item) {
    Map<String, Object> scope = new LinkedHashMap<>(root);
    if (item instanceof Map<?, ?> m) {
      scope.putAll((Map<String, Object>) m);
      scope.put("this", m);
    }
    scope.put("parent", root);
    return scope;
  }

  /**
   * Evaluates a FEEL expression ("=a > 2"; the leading '=' is optional) against data. Returns null for
   * unknown variables and for expressions that cannot be evaluated.
   */
  public Object evaluate(String expression, Map<String, Object> data) {
    if (expression == null) {
      return null;
    }
    String expr = expression.strip();
    if (expr.startsWith("=")) {
      expr = expr.substring(1).strip();
    }
    if (expr.isEmpty()) {
      return null;
    }
    VariableMap vars = Variables.createVariables();
    if (data != null) {
      data.forEach((k, v) -> vars.putValue(k, toFeel(v)));
    }
    try {
      Object result = engine.evaluateSimpleExpression(expr, vars.asVariableContext());
      return fromFeel(result);
    } catch (RuntimeException e) {
      LOG.warn("FEEL expression '{}' could not be evaluated: {}", expr, e.getMessage());
      return null;
    }
  }

  static boolean truthy(Object value) {
    return Boolean.TRUE.equals(value);
  }

  /** Uploaded files are exposed to FEEL as their names only; everything else as is. */
  private static Object toFeel(Object v) {
    if (v instanceof UploadedFile f) {
      return f.originalName();
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      m.forEach((k, val) -> copy.put(k, toFeel(val)));
      return copy;
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(FormConditions::toFeel).toList();
    }
    return v;
  }

  /** Copies the engine's Scala collection wrappers into plain Java collections. */
  private static Object fromFeel(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      m.forEach((k, val) -> copy.put(k, fromFeel(val)));
      return copy;
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(FormConditions::fromFeel).toList();
    }
    return v;
  }

  /** A filepicker's accept list (comma separated), FEEL-evaluated if it starts with '='; null = anything. */
  String accept(FormField f, Map<String, Object> data) {
    JsonNode a = f.raw().get("accept");
    if (a == null || !a.isTextual() || a.asText().isBlank()) {
      return null;
    }
    String s = a.asText().strip();
    if (s.startsWith("=")) {
      Object r = evaluate(s, data);
      return r == null || r.toString().isBlank() ? null : r.toString();
    }
    return s;
  }
}

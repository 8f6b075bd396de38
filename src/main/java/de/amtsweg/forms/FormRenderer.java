package de.amtsweg.forms;

import static de.amtsweg.forms.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsweg.forms.FormDefinition.Component;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Renders form-js schemas as accessible, script-free HTML fragments. All text and attribute values
 * are escaped; the "text" component gets a tiny markdown subset (see {@link Html#markdown}).
 */
@org.springframework.stereotype.Component
public class FormRenderer {

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(.+?)\\s*\\}\\}");

  private final FormConditions conditions;
  private final FormMessages messages;

  @Autowired
  public FormRenderer(FormConditions conditions, MessageSource messageSource) {
    this.conditions = conditions;
    this.messages = new FormMessages(messageSource);
  }

  /** HTML fragment (no form tag, no buttons) for all components, values filled in, errors at fields. */
  public String render(FormDefinition form, Map<String, Object> values, Map<String, String> errors,
      Locale locale) {
    Map<String, Object> data = values == null ? Map.of() : values;
    Ctx ctx = new Ctx(data, errors == null ? Map.of() : errors, locale,
        conditions.hiddenPaths(form, data));
    StringBuilder out = new StringBuilder();
    components(out, form.components(), "", data, ctx);
    return out.toString();
  }

  private record Ctx(Map<String, Object> root, Map<String, String> errors, Locale locale,
      Set<String> hidden) {}

  private void components(StringBuilder out, List<Component> components, String prefix,
      Map<String, Object> scope, Ctx ctx) {
    for (Component c : components) {
      switch (c.type()) {
        case "group" -> group(out, c, prefix, scope, ctx);
        case "dynamiclist" -> dynamicList(out, c, prefix, scope, ctx);
        case "text" -> {
          String text = resolve(c.raw().path("text").asText(""), scope);
          out.append(open(c, prefix, "text", ctx)).append(Html.markdown(text)).append("</div>");
        }
        case "separator" -> out.append("<hr class=\"separator\">");
        case "spacer" -> out.append("<div class=\"spacer\" aria-hidden=\"true\"></div>");
        default -> {
          if (c.isInput()) {
            field(out, c, prefix, scope, ctx);
          }
          // button, image, html, iframe, table, expression, ...: rendered as nothing on purpose
        }
      }
    }
  }

  private String open(Component c, String prefix, String kind, Ctx ctx) {
    String key = prefix + c.wrapperKey();
    StringBuilder b = new StringBuilder("<div class=\"");
    b.append(kind.equals("text") ? "text-block" : kind.startsWith("field") ? kind : kind);
    if (ctx.hidden().contains(key)) {
      b.append(" cond-hidden");
    }
    b.append("\" data-path=\"").append(escape(key)).append('"');
    String hide = FormDefinition.hideExpression(c.raw());
    if (hide != null) {
      b.append(" data-hide=\"").append(escape(hide)).append('"');
    }
    return b.append('>').toString();
  }

  private void group(StringBuilder out, Component c, String prefix, Map<String, Object> scope,
      Ctx ctx) {
    out.append(open(c, prefix, "field-group", ctx));
    out.append("<fieldset class=\"group\">");
    String label = resolve(c.raw().path("label").asText(""), scope);
    if (!label.isBlank()) {
      out.append("<legend>").append(escape(label)).append("</legend>");
    }
    components(out, c.children(), prefix, scope, ctx);
    out.append("</fieldset></div>");
  }

  /** Renders one block of children per existing item, or one empty block (index 0). */
  private void dynamicList(StringBuilder out, Component c, String prefix, Map<String, Object> scope,
      Ctx ctx) {
    out.append(open(c, prefix, "field-dynamiclist", ctx));
    out.append("<fieldset class=\"dynamiclist\">");
    String label = resolve(c.raw().path("label").asText(""), scope);
    if (!label.isBlank()) {
      out.append("<legend>").append(escape(label)).append("</legend>");
    }
    Object items = DataPaths.getOrNull(scope, c.path());
    int count = items instanceof List<?> l ? Math.max(1, l.size()) : 1;
    for (int i = 0; i < count; i++) {
      Object item = items instanceof List<?> l && i < l.size() ? l.get(i) : null;
      out.append("<div class=\"dynamiclist-item\">");
      components(out, c.children(), prefix + c.path() + "." + i + ".",
          FormConditions.itemScope(ctx.root(), item), ctx);
      out.append("</div>");
    }
    out.append("</fieldset></div>");
  }

  private void field(StringBuilder out, Component c, String prefix, Map<String, Object> scope,
      Ctx ctx) {
    FormField f = c.field();
    String name = prefix + c.path();
    String id = domId(name);
    Object raw = DataPaths.get(scope, c.path());
    Object value = raw == DataPaths.ABSENT ? FormValidator.defaultValueOf(f) : raw;
    String error = ctx.errors().get(name);
    String description = f.description() == null ? "" : resolve(f.description(), scope);
    String label = resolve(f.label(), scope);
    if (label.isBlank()) {
      label = f.key();
    }
    boolean required = f.required();
    boolean disabled = f.disabled();
    boolean readonly = readonly(f, scope);
    String describedBy = (description.isBlank() ? "" : id + "-desc ") + (error == null ? "" : id + "-error");
    describedBy = describedBy.strip();

    StringBuilder attrs = new StringBuilder();
    if (!describedBy.isEmpty()) {
      attrs.append(" aria-describedby=\"").append(describedBy).append('"');
    }
    if (error != null) {
      attrs.append(" aria-invalid=\"true\"");
    }
    if (required) {
      attrs.append(" required");
    }
    if (disabled) {
      attrs.append(" disabled");
    }

    out.append(open(c, prefix, "field field-" + f.type() + (error != null ? " has-error" : ""), ctx));
    boolean grouped = f.type().equals("radio") || f.type().equals("checklist");
    String labelHtml = escape(label) + (required || f.type().equals("checkbox") ? ""
        : " <span class=\"optional\">" + escape(messages.get("forms.optional", ctx.locale())) + "</span>");
    if (grouped) {
      out.append("<fieldset id=\"").append(id).append("\" class=\"options\"")
          .append(describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy + "\"")
          .append("><legend>").append(labelHtml).append("</legend>");
    } else if (!f.type().equals("checkbox")) {
      out.append("<label for=\"").append(id).append("\">").append(labelHtml).append("</label>");
    }
    if (!description.isBlank()) {
      out.append("<p class=\"field-description\" id=\"").append(id).append("-desc\">")
          .append(escape(description)).append("</p>");
    }
    if (error != null) {
      out.append("<p class=\"field-error\" id=\"").append(id).append("-error\">")
          .append(escape(error)).append("</p>");
    }
    String ro = readonly ? " readonly" : "";
    // choice controls know no readonly: they are disabled (the server takes the prefill anyway)
    String roChoice = readonly && !disabled ? " disabled" : "";
    switch (f.type()) {
      case "textfield" -> {
        String vt = f.validate().path("validationType").asText("");
        String type = vt.equals("email") ? "email" : vt.equals("phone") ? "tel" : "text";
        StringBuilder extra = new StringBuilder();
        JsonNode max = f.validate().get("maxLength");
        if (max != null && max.isNumber()) {
          extra.append(" maxlength=\"").append(max.asInt()).append('"');
        }
        adorned(out, f, scope, "<input type=\"" + type + "\" id=\"" + id + "\" name=\""
            + escape(name) + "\" value=\"" + escape(text(value)) + "\"" + attrs + ro + extra + ">");
      }
      case "textarea" -> out.append("<textarea id=\"").append(id).append("\" name=\"")
          .append(escape(name)).append("\" rows=\"4\"").append(attrs).append(ro).append('>')
          .append(escape(text(value))).append("</textarea>");
      case "number" -> {
        StringBuilder extra = new StringBuilder(" inputmode=\"decimal\"");
        JsonNode digits = f.raw().get("decimalDigits");
        extra.append(" step=\"").append(digits != null && digits.canConvertToInt()
            ? (digits.asInt() <= 0 ? "1" : BigDecimal.ONE.movePointLeft(digits.asInt()).toPlainString())
            : "any").append('"');
        for (String bound : List.of("min", "max")) {
          JsonNode b = f.validate().get(bound);
          if (b != null && b.isNumber()) {
            extra.append(' ').append(bound).append("=\"").append(b.decimalValue().toPlainString()).append('"');
          }
        }
        adorned(out, f, scope, "<input type=\"number\" id=\"" + id + "\" name=\"" + escape(name)
            + "\" value=\"" + escape(text(value)) + "\"" + attrs + ro + extra + ">");
      }
      case "datetime" -> {
        String subtype = f.raw().path("subtype").asText("date");
        String type = subtype.equals("time") ? "time" : subtype.equals("datetime") ? "datetime-local" : "date";
        out.append("<input type=\"").append(type).append("\" id=\"").append(id).append("\" name=\"")
            .append(escape(name)).append("\" value=\"").append(escape(text(value))).append('"')
            .append(attrs).append(ro).append('>');
      }
      case "checkbox" -> {
        out.append("<div class=\"option\"><input type=\"checkbox\" id=\"").append(id)
            .append("\" name=\"").append(escape(name)).append("\" value=\"true\"")
            .append(Boolean.TRUE.equals(value) || "true".equals(value) ? " checked" : "")
            .append(attrs).append(roChoice).append("><label for=\"").append(id).append("\">")
            .append(escape(label)).append("</label></div>");
      }
      case "radio", "checklist" -> {
        List<Option> options = Options.of(f, ctx.root(), conditions);
        Collection<String> selected = selected(value);
        String type = f.type().equals("radio") ? "radio" : "checkbox";
        for (int i = 0; i < options.size(); i++) {
          Option o = options.get(i);
          String oid = id + "-" + i;
          out.append("<div class=\"option\"><input type=\"").append(type).append("\" id=\"")
              .append(oid).append("\" name=\"").append(escape(name)).append("\" value=\"")
              .append(escape(o.value())).append('"')
              .append(selected.contains(o.value()) ? " checked" : "")
              .append(type.equals("radio") ? attrs : attrs.toString().replace(" required", ""))
              .append(roChoice).append("><label for=\"").append(oid).append("\">")
              .append(escape(o.label())).append("</label></div>");
        }
      }
      case "select", "taglist" -> {
        boolean multi = f.type().equals("taglist");
        List<Option> options = Options.of(f, ctx.root(), conditions);
        Collection<String> selected = selected(value);
        out.append("<select id=\"").append(id).append("\" name=\"").append(escape(name)).append('"')
            .append(multi ? " multiple" : "").append(attrs).append(roChoice).append('>');
        if (!multi) {
          out.append("<option value=\"\">")
              .append(escape(messages.get("forms.select.placeholder", ctx.locale()))).append("</option>");
        }
        for (Option o : options) {
          out.append("<option value=\"").append(escape(o.value())).append('"')
              .append(selected.contains(o.value()) ? " selected" : "").append('>')
              .append(escape(o.label())).append("</option>");
        }
        out.append("</select>");
      }
      case "filepicker" -> {
        Map<String, Object> evalData = scope;
        StringBuilder extra = new StringBuilder();
        String accept = conditions.accept(f, evalData);
        if (accept != null) {
          extra.append(" accept=\"").append(escape(accept)).append('"');
        }
        if (multipleOf(f, evalData)) {
          extra.append(" multiple");
        }
        out.append("<input type=\"file\" id=\"").append(id).append("\" name=\"").append(escape(name))
            .append('"').append(attrs).append(readonly && !disabled ? " disabled" : "").append(extra).append('>');
      }
      default -> { }
    }
    if (grouped) {
      out.append("</fieldset>");
    }
    out.append("</div>");
  }

  private void adorned(StringBuilder out, FormField f, Map<String, Object> scope, String input) {
    JsonNode app = f.raw().path("appearance");
    String prefix = resolve(app.path("prefixAdorner").asText(""), scope);
    String suffix = resolve(app.path("suffixAdorner").asText(""), scope);
    if (prefix.isBlank() && suffix.isBlank()) {
      out.append(input);
      return;
    }
    out.append("<div class=\"input-adorned\">");
    if (!prefix.isBlank()) {
      out.append("<span class=\"adorner adorner-prefix\" aria-hidden=\"true\">").append(escape(prefix)).append("</span>");
    }
    out.append(input);
    if (!suffix.isBlank()) {
      out.append("<span class=\"adorner adorner-suffix\">").append(escape(suffix)).append("</span>");
    }
    out.append("</div>");
  }

  /** read-only rendering of submitted data as definition lists (groups become nested sections). */
  public String renderReadOnly(FormDefinition form, Map<String, Object> values, Locale locale) {
    Map<String, Object> data = values == null ? Map.of() : values;
    StringBuilder out = new StringBuilder("<dl class=\"form-summary\">");
    summary(out, form.components(), data, data, locale);
    return out.append("</dl>").toString();
  }

  private void summary(StringBuilder out, List<Component> components, Map<String, Object> root,
      Map<String, Object> scope, Locale locale) {
    for (Component c : components) {
      if (c.isInput()) {
        Object v = DataPaths.get(scope, c.path());
        if (v == DataPaths.ABSENT) {
          continue; // hidden or disabled fields are not part of the data
        }
        String label = resolve(c.field().label(), scope);
        out.append("<div class=\"summary-item\"><dt>").append(escape(label.isBlank() ? c.field().key() : label))
            .append("</dt><dd>").append(escape(display(c.field(), v, root, locale))).append("</dd></div>");
      } else if (c.type().equals("group")) {
        List<Component> children = c.children();
        String label = resolve(c.raw().path("label").asText(""), scope);
        if (!label.isBlank()) {
          out.append("<div class=\"summary-group\"><dt class=\"summary-group-title\">")
              .append(escape(label)).append("</dt><dd><dl>");
          summary(out, children, root, scope, locale);
          out.append("</dl></dd></div>");
        } else {
          summary(out, children, root, scope, locale);
        }
      } else if (c.type().equals("dynamiclist")) {
        Object items = DataPaths.getOrNull(scope, c.path());
        if (items instanceof List<?> list) {
          String label = resolve(c.raw().path("label").asText(""), scope);
          for (int i = 0; i < list.size(); i++) {
            out.append("<div class=\"summary-group\"><dt class=\"summary-group-title\">")
                .append(escape((label.isBlank() ? c.path() : label) + " " + (i + 1)))
                .append("</dt><dd><dl>");
            summary(out, c.children(), root, FormConditions.itemScope(root, list.get(i)), locale);
            out.append("</dl></dd></div>");
          }
        }
      }
    }
  }

  private String display(FormField f, Object v, Map<String, Object> root, Locale locale) {
    Locale l = locale == null ? Locale.GERMAN : locale;
    if (v == null || (v instanceof Collection<?> c && c.isEmpty()) || "".equals(v)) {
      if (f.type().equals("checkbox")) {
        return messages.get("forms.no", l);
      }
      return messages.get(f.type().equals("filepicker") ? "forms.file.none" : "forms.empty", l);
    }
    switch (f.type()) {
      case "checkbox" -> {
        return messages.get(Boolean.TRUE.equals(v) || "true".equals(v) ? "forms.yes" : "forms.no", l);
      }
      case "select", "radio", "checklist", "taglist" -> {
        List<Option> options = Options.of(f, root, conditions);
        List<String> labels = new ArrayList<>();
        for (String s : selected(v)) {
          labels.add(options.stream().filter(o -> o.value().equals(s)).map(Option::label)
              .findFirst().orElse(s));
        }
        return String.join(", ", labels);
      }
      case "number" -> {
        if (v instanceof Number n) {
          NumberFormat nf = NumberFormat.getNumberInstance(l);
          nf.setMaximumFractionDigits(20);
          return nf.format(n instanceof BigDecimal ? n : new BigDecimal(n.toString()));
        }
        return text(v);
      }
      case "datetime" -> {
        if (f.raw().path("subtype").asText("date").equals("date")) {
          try {
            return LocalDate.parse(text(v)).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l));
          } catch (RuntimeException e) {
            return text(v);
          }
        }
        return text(v).replace('T', ' ');
      }
      case "filepicker" -> {
        List<String> names = new ArrayList<>();
        if (v instanceof Collection<?> files) {
          for (Object o : files) {
            names.add(o instanceof UploadedFile uf ? String.valueOf(uf.originalName()) : text(o));
          }
        }
        return String.join(", ", names);
      }
      default -> {
        return text(v);
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  static String domId(String path) {
    return "f-" + path.replace('.', '-');
  }

  private boolean readonly(FormField f, Map<String, Object> data) {
    JsonNode r = f.raw().get("readonly");
    if (r != null && r.isTextual() && r.asText().strip().startsWith("=")) {
      return FormConditions.truthy(conditions.evaluate(r.asText(), data));
    }
    return f.readonly();
  }

  private boolean multipleOf(FormField f, Map<String, Object> data) {
    JsonNode m = f.raw().get("multiple");
    if (m != null && m.isTextual() && m.asText().strip().startsWith("=")) {
      return FormConditions.truthy(conditions.evaluate(m.asText(), data));
    }
    return m != null && m.asBoolean(false);
  }

  /** Labels/descriptions/texts: "=FEEL" is evaluated, "{{ expr }}" templates are substituted. */
  private String resolve(String s, Map<String, Object> data) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    if (s.strip().startsWith("=")) {
      Object r = conditions.evaluate(s, data);
      return r == null ? "" : text(r);
    }
    if (!s.contains("{{")) {
      return s;
    }
    Matcher m = TEMPLATE.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      Object r = conditions.evaluate(m.group(1), data);
      m.appendReplacement(b, Matcher.quoteReplacement(r == null ? "" : text(r)));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static Collection<String> selected(Object value) {
    if (value instanceof Collection<?> c) {
      return c.stream().map(FormRenderer::text).toList();
    }
    return value == null ? List.of() : List.of(text(value));
  }

  private static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal bd) {
      return bd.toPlainString();
    }
    if (v instanceof UploadedFile f) {
      return String.valueOf(f.originalName());
    }
    return v.toString();
  }
}

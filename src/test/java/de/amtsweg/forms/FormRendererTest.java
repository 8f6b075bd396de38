package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormRendererTest {

  private final FormConditions conditions = new FormConditions();
  private final FormRenderer renderer = new FormRenderer(conditions, FormsTestSupport.messageSource());

  private static FormDefinition form(String componentsJson) {
    return FormDefinition.parse("{\"id\":\"t\",\"components\":[" + componentsJson + "]}");
  }

  @Test
  void scriptInLabelAndValueIsInert() {
    FormDefinition form = form("""
        {"key":"name","type":"textfield","label":"<script>alert(1)</script>","description":"<b>x</b>"},
        {"key":"pick","type":"select","label":"P","values":[{"label":"<img src=x onerror=alert(2)>","value":"\\"><svg>"}]}
        """);
    String html = renderer.render(form, Map.of("name", "\"><img src=x onerror=alert(1)>"),
        Map.of("name", "<i>err</i>"), Locale.GERMAN);
    assertThat(html).doesNotContain("<script", "<img", "<svg", "<b>", "<i>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"")
        .contains("value=\"&quot;&gt;&lt;svg&gt;\"");
  }

  @Test
  void accessibleFieldMarkupWithError() {
    FormDefinition form = FormsTestSupport.conformance("form.json");
    String html = renderer.render(form, Map.of("invoiceNumber", "x"),
        Map.of("invoiceNumber", "Bitte prüfen Sie das Format Ihrer Eingabe."), Locale.GERMAN);
    assertThat(html)
        .contains("<div class=\"field field-textfield has-error\" data-path=\"invoiceNumber\">")
        .contains("<label for=\"f-invoiceNumber\">Invoice Number <span class=\"optional\">(optional)</span></label>")
        .contains("<p class=\"field-description\" id=\"f-invoiceNumber-desc\">An invoice number in the format: C-123.</p>")
        .contains("<p class=\"field-error\" id=\"f-invoiceNumber-error\">Bitte prüfen Sie das Format Ihrer Eingabe.</p>")
        .contains("id=\"f-invoiceNumber\" name=\"invoiceNumber\" value=\"x\" aria-describedby=\"f-invoiceNumber-desc f-invoiceNumber-error\" aria-invalid=\"true\"")
        .contains("<input type=\"text\" id=\"f-creditor\" name=\"creditor\" value=\"\" required>")
        .doesNotContain("style=", "onclick", "<script", "<button", "<form");
  }

  @Test
  void radioAndChecklistAreFieldsetsWithOneInputPerOption() {
    FormDefinition form = FormsTestSupport.conformance("form.json");
    String html = renderer.render(form, Map.of("mailto", List.of("manager"), "product", "camunda-cloud"),
        Map.of(), Locale.ENGLISH);
    assertThat(html).contains("<fieldset id=\"f-product\" class=\"options\"><legend>Product")
        .contains("<input type=\"radio\" id=\"f-product-1\" name=\"product\" value=\"camunda-cloud\" checked>")
        .contains("<label for=\"f-product-1\">Camunda Cloud</label>")
        .contains("<input type=\"checkbox\" id=\"f-mailto-1\" name=\"mailto\" value=\"manager\" checked>")
        .contains("<input type=\"checkbox\" id=\"f-mailto-0\" name=\"mailto\" value=\"approver\">")
        .contains("<option value=\"\">Please choose</option>");
  }

  @Test
  void defaultValuesAreShownWhenNoValueGiven() {
    FormDefinition form = FormsTestSupport.conformance("defaultValues.json");
    String html = renderer.render(form, Map.of(), Map.of(), Locale.GERMAN);
    assertThat(html).contains("value=\"Max Mustermann GmbH\"")
        .contains("value=\"regional-manager\" checked")
        .contains("<option value=\"english\" selected>English</option>")
        .contains(">Sample comment provided by the approver</textarea>");
  }

  @Test
  void groupsBecomeFieldsetsWithDottedNames() {
    FormDefinition form = FormsTestSupport.conformance("groups.json");
    String html = renderer.render(form, Map.of("separated", Map.of("path", Map.of("text_separated", "S"))),
        Map.of(), Locale.GERMAN);
    assertThat(html).contains("<fieldset class=\"group\"><legend>pathed group</legend>")
        .contains("name=\"pathed.text_pathed\"")
        .contains("id=\"f-separated-path-text_separated\" name=\"separated.path.text_separated\" value=\"S\"");
  }

  @Test
  void conditionallyHiddenFieldsStayInMarkupButAreMarked() {
    FormDefinition form = form("""
        {"key":"decision","type":"textfield"},
        {"key":"reason","type":"textarea","label":"Begründung","conditional":{"hide":"=decision != \\"reject\\""}}
        """);
    String hidden = renderer.render(form, Map.of("decision", "approve"), Map.of(), Locale.GERMAN);
    assertThat(hidden).contains("<div class=\"field field-textarea cond-hidden\" data-path=\"reason\" "
        + "data-hide=\"=decision != &quot;reject&quot;\">");
    String shown = renderer.render(form, Map.of("decision", "reject"), Map.of(), Locale.GERMAN);
    assertThat(shown).contains("name=\"reason\"").doesNotContain("cond-hidden");
  }

  @Test
  void textComponentMarkdownIsSafe() {
    FormDefinition form = FormsTestSupport.conformance("defaultValues.json");
    String html = renderer.render(form, Map.of(), Map.of(), Locale.GERMAN);
    assertThat(html).contains("<h2>Invoice</h2>").contains("<strong>dolor</strong>")
        .contains("<a href=\"https://bpmn.io\" rel=\"noopener noreferrer\">forms</a>")
        .contains("<li>Start Event</li>")
        .doesNotContain("javascript:\"", "href=\"javascript");
    String raw = renderer.render(form("""
        {"type":"text","text":"<script>alert(1)</script> [x](javascript:alert(1)) **ok**"}
        """), Map.of(), Map.of(), Locale.GERMAN);
    assertThat(raw).doesNotContain("<script", "href").contains("&lt;script&gt;").contains("<strong>ok</strong>");
    String links = renderer.render(form("""
        {"type":"text","text":"[a](/\\\\evil.example) [b](//evil.example) [c](/postbox)"}
        """), Map.of(), Map.of(), Locale.GERMAN);
    assertThat(links).as("protocol-relative tricks are no links").doesNotContain("evil.example\"")
        .contains("<a href=\"/postbox\"");
  }

  @Test
  void numberDatetimeFilepickerAndAdorners() {
    FormDefinition form = form("""
        {"key":"fee","type":"number","decimalDigits":2,"validate":{"min":0},"appearance":{"suffixAdorner":"€"}},
        {"key":"day","type":"datetime","subtype":"date","dateLabel":"Tag"},
        {"key":"at","type":"datetime","subtype":"datetime","dateLabel":"Termin"},
        {"key":"proof","type":"filepicker","label":"Nachweis","accept":"=formats","multiple":true}
        """);
    String html = renderer.render(form, Map.of("formats", ".pdf,image/*"), Map.of(), Locale.GERMAN);
    assertThat(html).contains("type=\"number\"").contains("step=\"0.01\"").contains("min=\"0\"")
        .contains("<span class=\"adorner adorner-suffix\">€</span>")
        .contains("<input type=\"date\" id=\"f-day\"").contains("<label for=\"f-day\">Tag")
        .contains("<input type=\"datetime-local\" id=\"f-at\"")
        .contains("<input type=\"file\" id=\"f-proof\" name=\"proof\" accept=\".pdf,image/*\" multiple>");
  }

  @Test
  void labelExpressionsAndTemplatesAreEvaluatedAndEscaped() {
    FormDefinition form = FormsTestSupport.conformance("labels.json");
    String html = renderer.render(form, Map.of("foo", "<b>Foo</b>", "bar", "Bar", "label_var", "Dynamisch"),
        Map.of(), Locale.GERMAN);
    assertThat(html).contains("&lt;b&gt;Foo&lt;/b&gt; and Bar").contains(">Dynamisch <span");
  }

  @Test
  void readOnlySummaryUsesOptionLabelsAndLocalizedValues() {
    FormDefinition form = FormsTestSupport.conformance("form.json");
    String de = renderer.renderReadOnly(form, Map.of("creditor", "<ACME>", "approved", true,
        "language", "german", "mailto", List.of("approver", "manager"), "amount", new java.math.BigDecimal("1234.5")),
        Locale.GERMAN);
    assertThat(de).startsWith("<dl class=\"form-summary\">")
        .contains("<dt>Creditor</dt><dd>&lt;ACME&gt;</dd>")
        .contains("<dt>Approved</dt><dd>Ja</dd>")
        .contains("<dd>German</dd>").contains("<dd>Approver, Manager</dd>")
        .contains("<dd>1.234,5</dd>")
        .doesNotContain("Invoice Number"); // not in the data -> not listed
    assertThat(renderer.renderReadOnly(form, Map.of("approved", false), Locale.ENGLISH)).contains("<dd>No</dd>");
  }

  @Test
  void hiddenPathsAndFeelEvaluation() {
    FormDefinition form = form("""
        {"key":"companyCar","type":"checkbox"},
        {"type":"group","label":"Auto","path":"car","conditional":{"hide":"=companyCar != true"},
         "components":[{"key":"plate","type":"textfield"}]}
        """);
    assertThat(conditions.hiddenPaths(form, Map.of())).contains("car", "car.plate");
    assertThat(conditions.hiddenPaths(form, Map.of("companyCar", true))).isEmpty();
    assertThat(conditions.evaluate("=a > 2", Map.of("a", 3))).isEqualTo(true);
    assertThat(conditions.evaluate("a + 1", Map.of("a", 1))).isEqualTo(2L);
    assertThat(conditions.evaluate("=unknown", Map.of())).isNull();
    assertThat(conditions.evaluate("=this is ( not feel", Map.of())).isNull();
  }
}

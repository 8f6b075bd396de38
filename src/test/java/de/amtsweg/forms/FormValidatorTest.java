package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

  private final FormValidator validator =
      new FormValidator(new FormConditions(), FormsTestSupport.messageSource());

  private static FormDefinition form(String componentsJson) {
    return FormDefinition.parse("{\"id\":\"t\",\"components\":[" + componentsJson + "]}");
  }

  private ValidationResult validate(FormDefinition form, Map<String, Object> input) {
    return validator.validate(form, input, Map.of(), Locale.GERMAN);
  }

  @Test
  void requiredFieldsMissingGiveGermanErrors() {
    FormDefinition form = FormsTestSupport.conformance("required.json");
    ValidationResult r = validate(form, Map.of("creditor", "ACME"));
    assertThat(r.valid()).isFalse();
    assertThat(r.errors()).doesNotContainKey("creditor")
        .containsEntry("invoiceNumber", "Bitte füllen Sie dieses Feld aus.")
        .containsEntry("approved", "Bitte bestätigen Sie dies.")
        .containsEntry("product", "Bitte wählen Sie eine Option aus.")
        .containsKeys("amount", "approverComments", "mailto", "language", "conversation", "tags");
    assertThat(r.data()).containsEntry("creditor", "ACME");
  }

  @Test
  void englishMessages() {
    FormDefinition form = FormsTestSupport.conformance("required.json");
    ValidationResult r = validator.validate(form, Map.of(), Map.of(), Locale.ENGLISH);
    assertThat(r.errors()).containsEntry("creditor", "Please fill in this field.");
  }

  @Test
  void blankTextCountsAsMissing() {
    FormDefinition form = FormsTestSupport.conformance("required.json");
    ValidationResult r = validate(form, Map.of("creditor", "   "));
    assertThat(r.errors()).containsKey("creditor");
  }

  @Test
  void patternMustMatchWholeValue() {
    FormDefinition form = FormsTestSupport.conformance("form.json");
    assertThat(validate(form, Map.of("creditor", "x", "invoiceNumber", "C-123")).errors())
        .doesNotContainKey("invoiceNumber");
    assertThat(validate(form, Map.of("creditor", "x", "invoiceNumber", "xC-123")).errors())
        .containsEntry("invoiceNumber", "Bitte prüfen Sie das Format Ihrer Eingabe.");
  }

  @Test
  void numberMinMaxFromStaticSchema() {
    FormDefinition form = FormsTestSupport.conformance("form.json");
    assertThat(validate(form, Map.of("creditor", "x", "amount", 1001)).errors())
        .containsEntry("amount", "Bitte geben Sie eine Zahl kleiner oder gleich 1000 ein.");
    assertThat(validate(form, Map.of("creditor", "x", "amount", -1)).errors())
        .containsEntry("amount", "Bitte geben Sie eine Zahl größer oder gleich 0 ein.");
    ValidationResult ok = validate(form, Map.of("creditor", "x", "amount", "12.50"));
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.data().get("amount")).isEqualTo(new BigDecimal("12.50"));
  }

  @Test
  void minMaxAndLengthsFromFeelExpressions() {
    FormDefinition form = FormsTestSupport.conformance("validate.json");
    Map<String, Object> prefill = Map.of("min", 5, "max", 10, "minLength", 3, "maxLength", 4);
    ValidationResult r = validator.validate(form,
        Map.of("number_expression", 11, "textfield_expression", "ab"), prefill, Locale.GERMAN);
    assertThat(r.errors())
        .containsEntry("number_expression", "Bitte geben Sie eine Zahl kleiner oder gleich 10 ein.")
        .containsEntry("textfield_expression", "Bitte geben Sie mindestens 3 Zeichen ein.");
    ValidationResult tooLong = validator.validate(form,
        Map.of("number_expression", 7, "textfield_expression", "abcde"), prefill, Locale.GERMAN);
    assertThat(tooLong.errors()).containsOnlyKeys("textfield_expression");
    assertThat(validator.validate(form, Map.of("number_expression", 7L, "textfield_expression", "abcd"),
        prefill, Locale.GERMAN).valid()).isTrue();
  }

  @Test
  void hiddenFieldIsDroppedAndNotValidated() {
    FormDefinition form = form("""
        {"key":"amount","type":"number"},
        {"key":"reason","type":"textfield","validate":{"required":true},"conditional":{"hide":"=amount > 2"}}
        """);
    ValidationResult hidden = validate(form, Map.of("amount", 5, "reason", "sneaky"));
    assertThat(hidden.valid()).isTrue();
    assertThat(hidden.data()).containsOnlyKeys("amount");
    ValidationResult shown = validate(form, Map.of("amount", 1));
    assertThat(shown.errors()).containsKey("reason");
  }

  @Test
  void legacyConditionOfConformanceSchemaHidesField() {
    FormDefinition form = FormsTestSupport.conformance("condition.json");
    assertThat(validate(form, Map.of("amount", 3, "text", "x")).data()).containsOnlyKeys("amount");
    assertThat(validate(form, Map.of("amount", 1, "text", "x")).data())
        .containsEntry("text", "x");
  }

  @Test
  void conditionOnMissingVariableDoesNotThrow() {
    FormDefinition form = form("""
        {"key":"plate","type":"textfield","validate":{"required":true},"conditional":{"hide":"=companyCar != true"}}
        """);
    // companyCar unknown -> null != true -> hidden
    assertThat(validate(form, Map.of()).valid()).isTrue();
    assertThat(validator.validate(form, Map.of(), Map.of("companyCar", true), Locale.GERMAN).errors())
        .containsKey("plate");
  }

  @Test
  void groupPathNesting() {
    FormDefinition form = FormsTestSupport.conformance("groups.json");
    Map<String, Object> input = Map.of(
        "text_root", "r", "text_flat", "f",
        "pathed", Map.of("text_pathed", "p"),
        "separated", Map.of("path", Map.of("text_separated", "s")),
        "separated2", Map.of("key", "k"),
        "text_pathed", "wrong level");
    ValidationResult r = validate(form, input);
    assertThat(r.valid()).isTrue();
    assertThat(r.data()).containsEntry("text_root", "r").containsEntry("text_flat", "f")
        .containsEntry("pathed", Map.of("text_pathed", "p"))
        .containsEntry("separated", Map.of("path", Map.of("text_separated", "s")))
        .containsEntry("separated2", Map.of("key", "k"))
        .doesNotContainKey("text_pathed");
  }

  @Test
  void unknownFieldsAreDropped() {
    FormDefinition form = FormsTestSupport.conformance("form.json");
    ValidationResult r = validate(form, Map.of("creditor", "x", "isAdmin", true, "submit", "1"));
    assertThat(r.data()).containsKey("creditor").doesNotContainKeys("isAdmin", "submit");
  }

  @Test
  void readonlyTakesPrefillAndDisabledIsDropped() {
    FormDefinition form = form("""
        {"key":"caseNo","type":"textfield","readonly":true},
        {"key":"fee","type":"number","disabled":true},
        {"key":"name","type":"textfield"}
        """);
    ValidationResult r = validator.validate(form,
        Map.of("caseNo", "HACKED", "fee", 0, "name", "Erika"),
        Map.of("caseNo", "BPP-2026-000123", "fee", 30), Locale.GERMAN);
    assertThat(r.data()).containsEntry("caseNo", "BPP-2026-000123").containsEntry("name", "Erika")
        .doesNotContainKey("fee");
  }

  @Test
  void selectValueMustBeAnOption() {
    FormDefinition form = FormsTestSupport.conformance("form.json");
    assertThat(validate(form, Map.of("creditor", "x", "language", "klingon")).errors())
        .containsEntry("language", "Bitte wählen Sie eine der angebotenen Optionen aus.");
    assertThat(validate(form, Map.of("creditor", "x", "language", "german")).data())
        .containsEntry("language", "german");
    assertThat(validate(form, Map.of("creditor", "x", "mailto", List.of("manager", "boss"))).errors())
        .containsKey("mailto");
  }

  @Test
  void valuesKeyOptionsComeFromPrefillNotFromInput() {
    FormDefinition form = FormsTestSupport.conformance("dynamic.json");
    Map<String, Object> prefill = Map.of("xyzData",
        List.of(Map.of("label", "A", "value", "a"), Map.of("label", "B", "value", "b")));
    assertThat(validator.validate(form, Map.of("product", "a"), prefill, Locale.GERMAN).valid()).isTrue();
    ValidationResult forged = validator.validate(form,
        Map.of("product", "z", "xyzData", List.of(Map.of("label", "Z", "value", "z"))), Map.of(), Locale.GERMAN);
    assertThat(forged.errors()).containsKey("product");
  }

  @Test
  void numbersFromHttpStrings() {
    FormDefinition form = form("""
        {"key":"amount","type":"number","decimalDigits":2}
        """);
    Map<String, Object> comma = validator.fromHttpParameters(form, Map.of("amount", new String[] {"12,5"}), Map.of());
    assertThat(validate(form, comma).errors())
        .containsEntry("amount", "Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 12.5.");
    Map<String, Object> abc = validator.fromHttpParameters(form, Map.of("amount", new String[] {"abc"}), Map.of());
    assertThat(validator.validate(form, abc, Map.of(), Locale.ENGLISH).errors())
        .containsEntry("amount", "Please enter a number, for example 12 or 12.5.");
    Map<String, Object> ok = validator.fromHttpParameters(form, Map.of("amount", new String[] {"12.5"}), Map.of());
    assertThat(validate(form, ok).data()).containsEntry("amount", new BigDecimal("12.5"));
    Map<String, Object> whole = validator.fromHttpParameters(form, Map.of("amount", new String[] {"42"}), Map.of());
    assertThat(validate(form, whole).data()).containsEntry("amount", 42L);
    assertThat(validate(form, Map.of("amount", "1.234")).errors())
        .containsEntry("amount", "Bitte geben Sie höchstens 2 Nachkommastellen ein.");
  }

  @Test
  void httpParametersBuildTypedNestedInput() {
    FormDefinition form = FormsTestSupport.conformance("form.json");
    Map<String, String[]> params = new HashMap<>();
    params.put("creditor", new String[] {"ACME"});
    params.put("mailto", new String[] {"approver", "manager"});
    params.put("approved", new String[] {"true"});
    params.put("amount", new String[] {"7"});
    params.put("_csrf", new String[] {"token"});
    Map<String, Object> input = validator.fromHttpParameters(form, params, Map.of());
    assertThat(input).containsEntry("mailto", List.of("approver", "manager"))
        .containsEntry("approved", true).containsEntry("amount", 7L).doesNotContainKey("_csrf");
    ValidationResult r = validate(form, input);
    assertThat(r.valid()).isTrue();
    assertThat(r.data()).containsEntry("mailto", List.of("approver", "manager"));
    // an unchecked checkbox is simply absent from the POST
    assertThat(validator.fromHttpParameters(form, Map.of(), Map.of())).containsEntry("approved", false);
  }

  @Test
  void dottedHttpNamesNestIntoGroups() {
    FormDefinition form = FormsTestSupport.conformance("groups.json");
    Map<String, Object> input = validator.fromHttpParameters(form,
        Map.of("pathed.text_pathed", new String[] {"p"}, "separated.path.text_separated", new String[] {"s"}),
        Map.of());
    assertThat(validate(form, input).data()).containsEntry("pathed", Map.of("text_pathed", "p"))
        .containsEntry("separated", Map.of("path", Map.of("text_separated", "s")));
  }

  @Test
  void filepickerRequiredAndAccept() {
    FormDefinition form = form("""
        {"key":"proof","type":"filepicker","accept":".pdf,image/png","validate":{"required":true}}
        """);
    assertThat(validate(form, Map.of()).errors())
        .containsEntry("proof", "Bitte laden Sie eine Datei hoch.");
    UploadedFile pdf = new UploadedFile("bescheid.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII));
    UploadedFile png = new UploadedFile("foto.png", "image/png", new byte[] {1});
    UploadedFile txt = new UploadedFile("evil.pdf", "text/plain", "hi".getBytes(StandardCharsets.US_ASCII));
    ValidationResult ok = validate(form, Map.of("proof", List.of(pdf)));
    assertThat(ok.valid()).isTrue();
    assertThat(ok.data()).containsEntry("proof", List.of(pdf));
    assertThat(validate(form, Map.of("proof", List.of(png))).valid()).isTrue();
    assertThat(validate(form, Map.of("proof", List.of(txt))).errors()).containsEntry("proof",
        "Die Datei „evil.pdf“ hat ein nicht erlaubtes Format. Erlaubt sind: .pdf, image/png.");
    assertThat(validate(form, Map.of("proof", List.of(pdf, png))).errors())
        .containsEntry("proof", "Bitte laden Sie nur eine Datei hoch.");
  }

  @Test
  void filepickerAcceptAndMultipleAsFeelAndEmptyPartsIgnored() {
    FormDefinition form = FormsTestSupport.conformance("filepicker.json");
    UploadedFile png = new UploadedFile("a.png", "image/png", new byte[] {1});
    UploadedFile empty = new UploadedFile("", "application/octet-stream", new byte[0]);
    Map<String, Object> input = validator.fromHttpParameters(form, Map.of(),
        Map.of("root_filepicker", List.of(png, empty)));
    assertThat(input).containsEntry("root_filepicker", List.of(png));
    Map<String, Object> prefill = Map.of("root_formats", "application/pdf");
    assertThat(validator.validate(form, input, prefill, Locale.GERMAN).errors()).containsKey("root_filepicker");
    assertThat(validator.validate(form, input, Map.of("root_formats", "image/*"), Locale.GERMAN).valid()).isTrue();
  }

  @Test
  void datetimeSubtypes() {
    FormDefinition form = form("""
        {"key":"d","type":"datetime","subtype":"date","dateLabel":"Datum"},
        {"key":"t","type":"datetime","subtype":"time","timeLabel":"Zeit"},
        {"key":"dt","type":"datetime","subtype":"datetime"}
        """);
    ValidationResult ok = validate(form, Map.of("d", "2026-12-01", "t", "14:30", "dt", "2026-12-01T14:30"));
    assertThat(ok.valid()).isTrue();
    assertThat(ok.data()).containsEntry("d", "2026-12-01").containsEntry("t", "14:30");
    ValidationResult bad = validate(form, Map.of("d", "01.12.2026", "t", "25:00", "dt", "morgen"));
    assertThat(bad.errors()).containsEntry("d", "Bitte geben Sie ein gültiges Datum ein, zum Beispiel 01.12.2026.")
        .containsKeys("t", "dt");
  }

  @Test
  void emailAndLengthOnTextfield() {
    FormDefinition form = form("""
        {"key":"mail","type":"textfield","validate":{"validationType":"email"}},
        {"key":"zip","type":"textfield","validate":{"minLength":5,"maxLength":5}}
        """);
    assertThat(validate(form, Map.of("mail", "erika@example.de", "zip", "68159")).valid()).isTrue();
    assertThat(validate(form, Map.of("mail", "erika(at)example", "zip", "6815")).errors())
        .containsKeys("mail", "zip");
  }

  @Test
  void dynamicListItemsAreValidatedPerItem() {
    FormDefinition form = form("""
        {"type":"dynamiclist","path":"children","components":[
          {"key":"name","type":"textfield","validate":{"required":true}},
          {"key":"age","type":"number"}]}
        """);
    Map<String, String[]> params = new LinkedHashMap<>();
    params.put("children.0.name", new String[] {"Mia"});
    params.put("children.0.age", new String[] {"4"});
    params.put("children.1.age", new String[] {"x"});
    ValidationResult r = validate(form, validator.fromHttpParameters(form, params, Map.of()));
    assertThat(r.errors()).containsOnlyKeys("children.1.name", "children.1.age");
    assertThat(validate(form, Map.of("children", List.of(Map.of("name", "Mia", "age", 4)))).data())
        .containsEntry("children", List.of(Map.of("name", "Mia", "age", 4L)));
  }
}

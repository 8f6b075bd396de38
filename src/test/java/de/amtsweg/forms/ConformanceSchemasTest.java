package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ConformanceSchemasTest {

  private final FormRenderer renderer =
      new FormRenderer(new FormConditions(), FormsTestSupport.messageSource());

  static Stream<Path> schemas() throws IOException {
    try (Stream<Path> files = Files.list(FormsTestSupport.conformanceDir())) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(list).hasSizeGreaterThanOrEqualTo(12);
      return list.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void everySchemaParsesAndRendersALabelForEachField(Path schema) throws IOException {
    FormDefinition form = FormDefinition.parse(Files.newInputStream(schema));
    String html = renderer.render(form, Map.of(), Map.of(), Locale.GERMAN);
    for (FormField f : form.fields()) {
      String id = "f-" + f.path().replace('.', '-');
      boolean labelled = html.contains("<label for=\"" + id + "\">")
          || html.contains("<fieldset id=\"" + id + "\" class=\"options\"");
      assertThat(labelled).as("label for %s in %s", f.path(), schema.getFileName()).isTrue();
      if (!f.type().equals("radio") && !f.type().equals("checklist")) { // option groups without options have no inputs
        assertThat(html).contains("name=\"" + f.path() + "\"");
      }
    }
  }

  @Test
  void groupPathsNestFieldPaths() {
    FormDefinition form = FormsTestSupport.conformance("groups.json");
    assertThat(form.fields()).extracting(FormField::path).containsExactly(
        "text_root", "text_flat", "text_nested", "pathed.text_pathed",
        "separated.path.text_separated", "separated2.key");
    assertThat(form.field("pathed.text_pathed")).isPresent();
    assertThat(form.field("text_pathed")).isEmpty();
  }

  @Test
  void formIdAndButtonsAreNotFields() {
    FormDefinition form = FormsTestSupport.conformance("form.json");
    assertThat(form.fields()).extracting(FormField::key).doesNotContain("submit", "reset")
        .contains("creditor", "invoiceNumber", "amount", "language");
    assertThat(FormsTestSupport.conformance("condition.json").id()).isEqualTo("Form");
  }

  @Test
  void brokenSchemasAreRejected() {
    assertThatThrownBy(() -> FormDefinition.parse("{not json")).isInstanceOf(FormSchemaException.class);
    assertThatThrownBy(() -> FormDefinition.parse("{\"type\":\"default\"}"))
        .isInstanceOf(FormSchemaException.class);
    assertThatThrownBy(() -> FormDefinition.parse(
        "{\"components\":[{\"type\":\"textfield\",\"key\":\"a\"},{\"type\":\"number\",\"key\":\"a\"}]}"))
        .isInstanceOf(FormSchemaException.class).hasMessageContaining("duplicate");
    assertThatThrownBy(() -> FormDefinition.parse(
        "{\"components\":[{\"type\":\"textfield\",\"key\":\"a\",\"validate\":{\"pattern\":\"[\"}}]}"))
        .isInstanceOf(FormSchemaException.class).hasMessageContaining("pattern");
  }
}

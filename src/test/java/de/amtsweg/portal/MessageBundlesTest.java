package de.amtsweg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** German first, English second: every text exists in both, and every key a page uses exists. */
class MessageBundlesTest {

  static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/messages", "/i18n/forms"})
  void germanAndEnglishHaveTheSameKeys(String basename) throws IOException {
    Properties de = load(basename + ".properties");
    Properties en = load(basename + "_en.properties");
    assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(de.stringPropertyNames());
    de.stringPropertyNames().forEach(k -> assertThat(de.getProperty(k)).as(k).isNotBlank());
  }

  @Test
  void everyMessageKeyUsedInATemplateExists() throws IOException {
    Properties de = load("/messages.properties");
    Pattern key = Pattern.compile("#\\{([a-zA-Z0-9.]+)");
    Set<String> missing = new HashSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        if (f.toString().contains("notices")) {
          continue; // notices are German documents with their own wording
        }
        Matcher m = key.matcher(Files.readString(f));
        while (m.find()) {
          if (!de.containsKey(m.group(1))) {
            missing.add(f.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}

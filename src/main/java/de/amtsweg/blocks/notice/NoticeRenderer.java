package de.amtsweg.blocks.notice;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders official notices (Bescheide) from Thymeleaf templates under
 * {@code classpath:templates/notices/} into PDF/A-3b documents.
 *
 * <p>Templates are strict XHTML (they are parsed by openhtmltopdf's XML parser). The renderer uses
 * its own template engine (Thymeleaf with Spring EL, no Spring context needed), embeds DejaVu Sans
 * from {@code classpath:fonts/} and the JDK's built-in sRGB ICC profile as output intent.
 *
 * <p>Besides the caller's model the templates see {@code fmt} ({@link NoticeFormat}), {@code today}
 * (defaults to the current date) and {@code applicant}/{@code authority} (default: empty maps).
 * Thread-safe; build once and reuse.
 */
@Component
public class NoticeRenderer {

  /** Font family name to use in template CSS. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  static final String TEMPLATE_PREFIX = "templates/notices/";
  private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");
  private static final String PRODUCER = "Amtsweg";
  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  private final Clock clock;
  private final SpringTemplateEngine templateEngine;
  private final NoticeFormat format = new NoticeFormat();
  private final byte[] regularFont;
  private final byte[] boldFont;
  private final byte[] colorProfile;
  private final String baseUri;
  /** Font metrics parsed once and shared by all renders (thread-safe, bounded by the two fonts). */
  private final FSCacheEx<String, FSCacheValue> fontMetricsCache = new FSDefaultCacheStore();

  /** Production constructor: the system clock. */
  public NoticeRenderer() {
    this(Clock.systemDefaultZone());
  }

  /** @param clock supplies {@code today} (in German time) when the model has none */
  public NoticeRenderer(Clock clock) {
    Slf4jXRLogger.installIfDefault();
    this.clock = clock;
    this.templateEngine = createTemplateEngine();
    this.regularFont = readClasspath("fonts/DejaVuSans.ttf");
    this.boldFont = readClasspath("fonts/DejaVuSans-Bold.ttf");
    // The JDK's built-in sRGB profile (ICC v2, device class 'mntr', RGB): a valid PDF/A output intent,
    // taken from the running JDK so that no profile file has to be shipped.
    this.colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    URL base = NoticeRenderer.class.getClassLoader().getResource(TEMPLATE_PREFIX);
    this.baseUri = base == null ? null : base.toExternalForm();
  }

  /**
   * Renders {@code templates/notices/{template}.html} with the model and returns a PDF/A-3b document.
   *
   * @param template template path below {@code templates/notices/} without suffix, e.g.
   *     {@code resident-parking-permit/approval}
   * @param model template variables (see the comment at the top of {@code layout.html})
   * @param locale request locale (passed to Thymeleaf; notices are German documents)
   * @throws IllegalArgumentException if the template name is not a plain relative path
   * @throws NoticeRenderingException if the template or the PDF conversion fails
   */
  public byte[] render(String template, Map<String, Object> model, Locale locale) {
    if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
      throw new IllegalArgumentException("Invalid notice template name: " + template);
    }
    String html = renderHtml(template, model, locale);
    return toPdf(template, html);
  }

  /** The XHTML a template produces, before PDF conversion (useful for previews and debugging). */
  public String renderHtml(String template, Map<String, Object> model, Locale locale) {
    Context context = new Context(locale == null ? Locale.GERMANY : locale, prepareModel(model));
    try {
      return templateEngine.process(template, context);
    } catch (TemplateEngineException e) {
      throw new NoticeRenderingException("Cannot render notice template " + template, e);
    }
  }

  private Map<String, Object> prepareModel(Map<String, Object> model) {
    Map<String, Object> variables = new HashMap<>();
    if (model != null) {
      model.forEach((key, value) -> {
        if (key != null) {
          variables.put(key, value);
        }
      });
    }
    variables.compute("applicant", (k, v) -> v instanceof Map ? v : Map.of());
    variables.compute("authority", (k, v) -> v instanceof Map ? v : Map.of());
    variables.computeIfAbsent("today", k -> LocalDate.now(clock.withZone(GERMAN_TIME)));
    variables.put("fmt", format);
    return variables;
  }

  private byte[] toPdf(String template, String html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .useFastMode()
        .usePdfAConformance(PdfAConformance.PDFA_3_B)
        .useColorProfile(colorProfile)
        .useCacheStore(CacheStore.PDF_FONT_METRICS, fontMetricsCache)
        .withProducer(PRODUCER)
        .useFont(() -> new ByteArrayInputStream(regularFont), FONT_FAMILY, 400, FontStyle.NORMAL, true)
        .useFont(() -> new ByteArrayInputStream(boldFont), FONT_FAMILY, 700, FontStyle.NORMAL, true)
        .withHtmlContent(html, baseUri)
        .toStream(out);
    try {
      builder.run();
    } catch (IOException | RuntimeException e) {
      throw new NoticeRenderingException("Cannot convert notice " + template + " to PDF", e);
    }
    return out.toByteArray();
  }

  private static SpringTemplateEngine createTemplateEngine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(NoticeRenderer.class.getClassLoader());
    resolver.setPrefix(TEMPLATE_PREFIX);
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setEnableSpringELCompiler(true);
    return engine;
  }

  private static byte[] readClasspath(String path) {
    try (InputStream in = NoticeRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read classpath resource " + path, e);
    }
  }
}

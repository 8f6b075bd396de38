package de.amtsweg.blocks.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeRendererTest {

  private static final String APPROVAL = "resident-parking-permit/approval";
  private static final String REJECTION = "resident-parking-permit/rejection";
  private static final String PERMIT = "resident-parking-permit/permit";
  private static final String WITHDRAWAL = "resident-parking-permit/withdrawal";

  private static NoticeRenderer renderer;

  @BeforeAll
  static void createRenderer() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Berlin"));
    renderer = new NoticeRenderer(clock);
  }

  @Test
  void approvalStatesDecisionFeeAndLegalRemedy() throws IOException {
    String text = text(renderer.render(APPROVAL, model(), Locale.GERMANY));

    assertThat(text)
        .contains("BPP-2026-000123")
        .contains("Erika Mustermann")
        .contains("Musterweg 12", "12345 Musterstadt")
        .contains("Stadt Musterstadt", "Straßenverkehrsbehörde")
        .contains("Bescheid über die Erteilung eines Bewohnerparkausweises")
        .contains("Zone 7 – Altstadt")
        .contains("M-AB 1234")
        .contains("PKW")
        .contains("12 Monate")
        .contains("01.12.2026", "30.11.2027")
        .contains("120,00 €")
        .contains("§ 45 Abs. 1b Satz 1 Nr. 2a")
        .contains("Gebührenordnung")
        .contains("Der Ausweis wird nach Eingang der Gebühr ausgestellt")
        .contains("Rechtsbehelfsbelehrung")
        .contains("innerhalb eines Monats nach seiner Bekanntgabe Widerspruch")
        .contains("24.11.2026")
        .contains("Dieser Bescheid wurde maschinell erstellt und ist ohne Unterschrift gültig.");
  }

  @Test
  void rejectionShowsReasonWithLineBreaksAndLegalRemedy() throws IOException {
    Map<String, Object> model = model();
    model.put("rejectionReason", "Sie sind nicht in der Zone gemeldet.\nDas Fahrzeug ist nicht auf Sie zugelassen.");

    String raw = rawText(renderer.render(REJECTION, model, Locale.GERMANY));
    String text = normalize(raw);

    assertThat(text)
        .contains("BPP-2026-000123")
        .contains("Erika Mustermann")
        .contains("wird abgelehnt")
        .contains("Sie sind nicht in der Zone gemeldet.")
        .contains("Das Fahrzeug ist nicht auf Sie zugelassen.")
        .contains("Rechtsbehelfsbelehrung");
    assertThat(raw).containsPattern("gemeldet\\.\\s*\\R\\s*Das Fahrzeug");
  }

  @Test
  void permitShowsZonePlateValidityAndCaseNumber() throws IOException {
    String text = text(renderer.render(PERMIT, model(), Locale.GERMANY));

    assertThat(text)
        .contains("Bewohnerparkausweis")
        .contains("Zone 7 – Altstadt")
        .contains("M-AB 1234")
        .contains("01.12.2026", "30.11.2027")
        .contains("BPP-2026-000123")
        .contains("Erika Mustermann")
        .doesNotContain("Rechtsbehelfsbelehrung");
  }

  @Test
  void withdrawalExplainsWhyTheCaseIsClosed() throws IOException {
    Map<String, Object> model = model();
    model.put("documentsDeadline", "2026-11-15");
    model.put("requestedDocuments", "Meldebescheinigung\nFahrzeugschein (Zulassungsbescheinigung Teil I)");

    String text = text(renderer.render(WITHDRAWAL, model, Locale.GERMANY));

    assertThat(text)
        .contains("BPP-2026-000123")
        .contains("Erika Mustermann")
        .contains("gilt als zurückgenommen")
        .contains("15.11.2026")
        .contains("Meldebescheinigung")
        .contains("neuen Antrag");
  }

  @ParameterizedTest
  @ValueSource(strings = {APPROVAL, REJECTION, PERMIT, WITHDRAWAL})
  void everyNoticeIsPdfA3bWithOutputIntentAndEmbeddedFonts(String template) throws Exception {
    Map<String, Object> model = model();
    model.put("rejectionReason", "Kein Hauptwohnsitz in der Zone.");
    byte[] pdf = renderer.render(template, model, Locale.GERMANY);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDDocumentCatalog catalog = document.getDocumentCatalog();

      assertThat(catalog.getMetadata()).as("XMP metadata stream").isNotNull();
      XMPMetadata xmp;
      try {
        xmp = new DomXmpParser().parse(catalog.getMetadata().toByteArray());
      } catch (Exception e) {
        throw new AssertionError("XMP metadata does not parse", e);
      }
      PDFAIdentificationSchema pdfaId = xmp.getPDFAIdentificationSchema();
      assertThat(pdfaId).as("pdfaid schema").isNotNull();
      assertThat(pdfaId.getPart()).isEqualTo(3);
      assertThat(pdfaId.getConformance()).isEqualTo("B");

      List<PDOutputIntent> intents = catalog.getOutputIntents();
      assertThat(intents).isNotEmpty();
      COSStream profile = intents.get(0).getDestOutputIntent();
      assertThat(profile).as("ICC profile of the output intent").isNotNull();
      assertThat(profile.getInt(COSName.N)).isEqualTo(3);
      assertThat(intents.get(0).getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
      byte[] iccBytes;
      try (var in = profile.createInputStream()) {
        iccBytes = in.readAllBytes();
      }
      ICC_Profile icc = ICC_Profile.getInstance(iccBytes);
      assertThat(icc.getColorSpaceType()).isEqualTo(ColorSpace.TYPE_RGB);

      // PDF/A: document information and XMP must agree
      assertThat(xmp.getDublinCoreSchema().getTitle())
          .isEqualTo(document.getDocumentInformation().getTitle());
      assertThat(xmp.getDublinCoreSchema().getCreators())
          .containsExactly(document.getDocumentInformation().getAuthor());

      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        collectFonts(page.getResources(), fonts, new HashSet<>());
      }
      assertThat(fonts).isNotEmpty();
      assertThat(fonts).allSatisfy(font ->
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue());
      assertThat(fonts).allSatisfy(font -> assertThat(font.getName()).contains("DejaVuSans"));
      assertThat(NotdefGlyphFinder.find(document)).as("text drawn with the .notdef glyph").isEmpty();

      assertThat(document.getDocumentInformation().getTitle()).isNotBlank();
      assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Stadt Musterstadt");
      assertThat(document.getDocumentInformation().getSubject()).contains("BPP-2026-000123");
      assertThat(catalog.getLanguage()).isEqualTo("de");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void userInputIsEscapedAndAppearsLiterally() throws IOException {
    Map<String, Object> model = model();
    Map<String, Object> applicant = new LinkedHashMap<>(applicant());
    applicant.put("givenName", "<b>Erika</b> & \"Co\"");
    applicant.put("familyName", "O'Brien <script>alert(1)</script>");
    model.put("applicant", applicant);
    model.put("licencePlate", "M-<i>X</i> 1");
    model.put("rejectionReason", "Grund: a < b && c > d <br/> ]]> &amp;");

    String html = renderer.renderHtml(REJECTION, model, Locale.GERMANY);
    assertThat(html).doesNotContain("<b>Erika").doesNotContain("<script>");

    Map<String, Object> authority = new LinkedHashMap<>((Map<String, Object>) model.get("authority"));
    authority.put("name", "Stadt \"A\" & <B>");
    model.put("authority", authority);

    byte[] pdf = renderer.render(REJECTION, model, Locale.GERMANY);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Stadt \"A\" & <B>");
    }
    String text = text(pdf);
    assertThat(text)
        .contains("Stadt \"A\" & <B>")
        .contains("<b>Erika</b> & \"Co\" O'Brien <script>alert(1)</script>")
        .contains("M-<i>X</i> 1")
        .contains("Grund: a < b && c > d <br/> ]]> &amp;");
  }

  @Test
  void charactersMissingFromTheFontDoNotPullInUnembeddedFonts() throws IOException {
    Map<String, Object> model = model();
    Map<String, Object> applicant = new LinkedHashMap<>(applicant());
    applicant.put("givenName", "Zoë Łucja 张伟 😀");
    model.put("applicant", applicant);

    byte[] pdf = renderer.render(APPROVAL, model, Locale.GERMANY);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        collectFonts(page.getResources(), fonts, new HashSet<>());
      }
      assertThat(fonts).allSatisfy(font ->
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue());
      assertThat(NotdefGlyphFinder.find(document)).as("text drawn with the .notdef glyph").isEmpty();
    }
    assertThat(text(pdf)).contains("Zoë Łucja");
  }

  @ParameterizedTest
  @ValueSource(strings = {APPROVAL, REJECTION, PERMIT, WITHDRAWAL})
  void missingOptionalValuesDoNotBreakRendering(String template) throws IOException {
    Map<String, Object> sparse = new HashMap<>();
    sparse.put("caseNumber", "BPP-2026-000999");
    sparse.put("applicant", Map.of("familyName", "Mustermann"));
    sparse.put("fee", null);

    byte[] sparsePdf = renderer.render(template, sparse, Locale.GERMANY);
    assertThat(text(sparsePdf)).contains("BPP-2026-000999", "Mustermann", "–");

    byte[] emptyPdf = renderer.render(template, Map.of(), Locale.GERMAN);
    assertThat(text(emptyPdf)).contains("–").contains("24.11.2026");
  }

  @Test
  void nullModelAndLocaleAreTolerated() {
    assertThatCode(() -> renderer.render(APPROVAL, null, null)).doesNotThrowAnyException();
  }

  @Test
  void rejectsTemplateNamesOutsideTheNoticeFolder() {
    assertThatThrownBy(() -> renderer.render("../application", model(), Locale.GERMANY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> renderer.render("/etc/passwd", model(), Locale.GERMANY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> renderer.render("resident-parking-permit/unknown", model(), Locale.GERMANY))
        .isInstanceOf(NoticeRenderingException.class);
  }

  @Test
  void defaultConstructorWorksWithoutSpring() throws IOException {
    Map<String, Object> model = model();
    model.put("today", LocalDate.of(2027, 1, 5));
    String text = text(new NoticeRenderer().render(APPROVAL, model, Locale.GERMANY));
    assertThat(text).contains("05.01.2027");
  }

  @Test
  void reportsRenderTimeAfterWarmUp() {
    Map<String, Object> model = model();
    for (int i = 0; i < 3; i++) {
      renderer.render(APPROVAL, model, Locale.GERMANY);
    }
    int runs = 10;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    int bytes = 0;
    for (int i = 0; i < runs; i++) {
      bytes = renderer.render(APPROVAL, model, Locale.GERMANY).length;
    }
    double millis = (System.nanoTime() - start) / 1_000_000.0 / runs;
    double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000.0 / runs;
    System.out.printf(Locale.ROOT, "NoticeRenderer: approval notice rendered in %.1f ms wall clock "
        + "(%.1f ms CPU) on average over %d runs after warm-up, %d bytes%n", millis, cpuMillis, runs, bytes);
  }

  // --- helpers ---

  static Map<String, Object> applicant() {
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("givenName", "Erika");
    applicant.put("familyName", "Mustermann");
    applicant.put("street", "Musterweg");
    applicant.put("houseNumber", "12");
    applicant.put("postalCode", "12345");
    applicant.put("city", "Musterstadt");
    return applicant;
  }

  static Map<String, Object> model() {
    Map<String, Object> authority = new LinkedHashMap<>();
    authority.put("name", "Stadt Musterstadt");
    authority.put("department", "Straßenverkehrsbehörde");
    authority.put("street", "Rathausplatz 1");
    authority.put("postalCode", "12345");
    authority.put("city", "Musterstadt");
    authority.put("phone", "0123 456-0");
    authority.put("email", "verkehr@musterstadt.example");

    Map<String, Object> model = new HashMap<>();
    model.put("caseNumber", "BPP-2026-000123");
    model.put("procedureName", "Bewohnerparkausweis");
    model.put("applicant", applicant());
    model.put("authority", authority);
    model.put("today", LocalDate.of(2026, 11, 24));
    model.put("licencePlate", "M-AB 1234");
    model.put("vehicleClass", "car");
    model.put("validityMonths", "12");
    model.put("desiredStart", "2026-12-01");
    model.put("fee", 120);
    model.put("parkingZone", "Zone 7 – Altstadt");
    return model;
  }

  static String rawText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true); // reading order as printed, not content-stream order
      return stripper.getText(document);
    }
  }

  /** Extracted text with all whitespace (incl. no-break spaces and line breaks) collapsed to one space. */
  static String text(byte[] pdf) throws IOException {
    return normalize(rawText(pdf));
  }

  static String normalize(String raw) {
    return raw.replace('\u00a0', ' ').replaceAll("\\s+", " ");
  }

  private static void collectFonts(PDResources resources, List<PDFont> fonts, Set<Object> seen) throws IOException {
    if (resources == null || !seen.add(resources.getCOSObject())) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      fonts.add(resources.getFont(name));
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject xObject = resources.getXObject(name);
      if (xObject instanceof PDFormXObject form) {
        collectFonts(form.getResources(), fonts, seen);
      }
    }
  }
}

package de.amtsweg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.testsupport.TestMail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real browser (Debian's Chromium, never a downloaded one) on a phone-sized window: Erika applies
 * and holds a notice seconds later; Max applies, Clara asks for a document, Max answers with an
 * upload, Clara approves, Max pays and holds the permit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "browser"})
class ResidentParkingPermitBrowserIT {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;
  WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  WebDriver open() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=412,915", "--lang=de-DE",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return browser;
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** A screenshot for people, and an axe-core check (WCAG 2.1 A/AA) of the same page for the law (BITV 2.0). */
  void shot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
    assertThat(axe.getViolations()).as("accessibility violations on " + name + ": " + axe.getViolations().stream()
        .map(r -> r.getId() + " " + r.getNodes().stream().map(n -> n.getTarget().toString()).toList()).toList())
        .isEmpty();
  }

  void login(String path, String user) {
    browser.get(url(path));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("login"));
  }

  void type(String fieldPath, String text) {
    WebElement input = browser.findElement(By.name(fieldPath));
    input.clear();
    input.sendKeys(text);
  }

  void fillApplication(String street, String houseNumber, String plate, String vehicleClass, String months)
      throws IOException {
    browser.get(url("/"));
    browser.findElement(By.linkText("Antrag stellen")).click();
    assertThat(browser.findElement(By.name("applicantFamilyName")).getAttribute("value")).isNotBlank();
    type("street", street);
    type("houseNumber", houseNumber);
    type("postalCode", "70173");
    type("licencePlate", plate);
    new Select(browser.findElement(By.name("vehicleClass"))).selectByValue(vehicleClass);
    browser.findElement(By.cssSelector("input[name=validityMonths][value='" + months + "']")).click();
    WebElement date = browser.findElement(By.name("desiredStart"));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value='2026-12-01'", date);
    browser.findElement(By.name("consentRegisterLookUp")).click();
    // the form's FEEL condition, evaluated on the server as the citizen types: certificate only for company cars
    WebElement certificate = browser.findElement(By.name("employerCertificate"));
    assertThat(certificate.isDisplayed()).isFalse();
    browser.findElement(By.name("companyCar")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> certificate.isDisplayed());
    browser.findElement(By.name("companyCar")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !certificate.isDisplayed());
    shot(vehicleClass + "-application-form");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
  }

  String caseNumberOnPage() {
    expectMain("Ihr Antrag ist eingegangen");
    String heading = browser.findElement(By.tagName("h1")).getText();
    assertThat(heading).matches(".*BPP-\\d{4}-\\d{6}.*");
    return heading.replaceAll(".*(BPP-\\d{4}-\\d{6}).*", "$1");
  }

  void waitForText(String path, String text, Duration timeout) {
    new WebDriverWait(browser, timeout, Duration.ofMillis(200)).until(d -> {
      d.get(url(path));
      return d.findElement(By.tagName("main")).getText().contains(text);
    });
  }

  /** After a click that navigates: waits for the new page instead of reading the old one. */
  void expectMain(String text) {
    new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(100))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(By.tagName("main")).getText().contains(text));
  }

  void pay(String caseNumber) throws IOException {
    browser.get(url("/cases/" + caseNumber));
    browser.findElement(By.xpath("//button[normalize-space()='Jetzt bezahlen']")).click();
    assertThat(browser.findElement(By.id("amount")).getText()).contains("€");
    shot("payment-provider");
    browser.findElement(By.xpath("//button[normalize-space()='Bezahlen']")).click();
    expectMain("Zahlung übermittelt");
  }

  @Test
  void erikaAppliesAndFindsTheNoticeInHerPostbox() throws IOException {
    open();
    login("/login", "erika");
    fillApplication("Königstraße", "1", "S-EM 1234", "car", "12");
    long submitted = System.nanoTime();
    String caseNumber = caseNumberOnPage();
    assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains(caseNumber);

    waitForText("/postbox", "Ihr Bescheid zum Bewohnerparkausweis", Duration.ofSeconds(15));
    long millis = (System.nanoTime() - submitted) / 1_000_000;
    System.out.println("[measure] erika: submission to notice in postbox: " + millis + " ms");
    shot("erika-postbox");
    String href = browser.findElement(By.linkText("Dokument öffnen (PDF)")).getAttribute("href");
    assertThat(href).contains("/documents/");

    pay(caseNumber);
    waitForText("/cases/" + caseNumber, "Bewohnerparkausweis ausgestellt", Duration.ofSeconds(15));
    shot("erika-case-closed");
    assertThat(TestMail.to("erika@example.org")).isNotEmpty();
  }

  @Test
  void claraAsksMaxForADocumentThenApproves() throws IOException {
    open();
    login("/login", "max");
    fillApplication("Marienstraße", "12", "S-MM 77", "motorcycle", "24");
    String caseNumber = caseNumberOnPage();
    browser.manage().deleteAllCookies();

    login("/tasks/login", "clara");
    new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(300)).until(d -> {
      d.get(url("/tasks"));
      return !d.findElements(By.linkText(caseNumber)).isEmpty();
    });
    shot("clara-queue");
    browser.findElement(By.linkText(caseNumber)).click();
    // what the machine found, labelled as the model names its steps
    assertThat(browser.findElement(By.cssSelector(".casefile .checks")).getText())
        .contains("Melderegister abfragen", "Person im Melderegister nicht gefunden", "Gebühr berechnen", "120.0");
    browser.findElement(By.xpath("//button[normalize-space()='Übernehmen']")).click();
    browser.findElement(By.cssSelector("input[name=decision][value=inquire]")).click();
    type("inquiryQuestion", "Bitte laden Sie Ihre Meldebescheinigung hoch.");
    shot("clara-task");
    browser.findElement(By.xpath("//button[normalize-space()='Abschließen']")).click();
    expectMain("Aufgabe abgeschlossen");
    browser.manage().deleteAllCookies();

    login("/login", "max");
    waitForText("/cases/" + caseNumber, "Rückfrage beantworten", Duration.ofSeconds(15));
    browser.findElement(By.linkText("Rückfrage beantworten")).click();
    assertThat(browser.findElement(By.cssSelector(".question")).getText()).contains("Meldebescheinigung");
    type("answerText", "Anbei meine Meldebescheinigung.");
    Path pdf = Files.createTempFile("meldebescheinigung", ".pdf");
    Files.writeString(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    browser.findElement(By.name("answerDocuments")).sendKeys(pdf.toAbsolutePath().toString());
    shot("max-inquiry");
    browser.findElement(By.xpath("//button[normalize-space()='Antwort absenden']")).click();
    expectMain("Ihre Antwort ist eingegangen");
    browser.manage().deleteAllCookies();

    login("/tasks/login", "clara");
    new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(300)).until(d -> {
      d.get(url("/tasks"));
      return !d.findElements(By.linkText(caseNumber)).isEmpty();
    });
    browser.findElement(By.linkText(caseNumber)).click();
    assertThat(browser.findElement(By.cssSelector(".casefile")).getText())
        .contains("Anbei meine Meldebescheinigung.", "meldebescheinigung");
    browser.findElement(By.cssSelector("input[name=decision][value=approve]")).click();
    browser.findElement(By.xpath("//button[normalize-space()='Abschließen']")).click();
    expectMain("Aufgabe abgeschlossen");
    browser.manage().deleteAllCookies();

    login("/login", "max");
    waitForText("/cases/" + caseNumber, "Jetzt bezahlen", Duration.ofSeconds(15));
    pay(caseNumber);
    waitForText("/postbox", "Bewohnerparkausweis", Duration.ofSeconds(15));
    waitForText("/cases/" + caseNumber, "Bewohnerparkausweis ausgestellt", Duration.ofSeconds(15));
    List<WebElement> docs = browser.findElements(By.cssSelector(".documents a"));
    assertThat(docs).hasSizeGreaterThanOrEqualTo(3);
    shot("max-case-closed");
  }
}

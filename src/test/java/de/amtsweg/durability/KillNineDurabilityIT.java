package de.amtsweg.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsweg.testsupport.Applications;
import de.amtsweg.testsupport.Http;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A submission the citizen saw acknowledged is never lost, even across a kill -9" (DESIGN.md), tested for
 * real: the application runs as a separate JVM on an H2 file database, is killed with SIGKILL right after
 * acknowledging an application, and is started again on the same database. Runs in failsafe with
 * {@code ./mvnw verify}; alone: {@code ./mvnw -o test-compile failsafe:integration-test failsafe:verify
 * -Dit.test=KillNineDurabilityIT} (about 35-45 s on two idle cores: two application startups).
 */
class KillNineDurabilityIT {

  static final String APPLY = "/api/procedures/residentParkingPermit/applications";
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.getLong("durability.startupTimeoutSeconds", 180));
  /**
   * A job the killed JVM had acquired stays locked until its lock expires (Camunda default: 5 minutes). The
   * test shortens the lock so a job caught in flight is retried within seconds; see {@link #jobsAtCrash}.
   */
  static final String LOCK_TIME_MILLIS = System.getProperty("durability.lockTimeMillis", "10000");

  @TempDir Path work;
  Process app;
  Path log;
  int port;

  @AfterEach
  void killChild() throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroyForcibly();
      app.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void acknowledgedApplicationsSurviveKillNine() throws Exception {
    port = freePort();
    Http http = new Http(port);

    long firstStartup = start("first");

    // max: neither register confirms, so the case waits in the clerk queue
    String maxCase = submit(http, "max", Applications.max());
    await("max's review task in clara's queue", Duration.ofSeconds(60), () -> inQueue(http, maxCase));

    // erika: straight-through, notice delivered before the crash
    String erikaDone = submit(http, "erika", Applications.erika());
    await("erika's first notice in her postbox", Duration.ofSeconds(60), () -> noticeInPostbox(http, erikaDone));

    JsonNode maxBefore = http.get("/api/cases/" + maxCase, "max").json();
    JsonNode erikaDoneBefore = http.get("/api/cases/" + erikaDone, "erika").json();

    // erika again: acknowledged with 201, then the power goes out
    Http.Response last = http.post(APPLY, "erika", Applications.erika());
    app.destroyForcibly();
    assertThat(last.status()).isEqualTo(201);
    String erikaInFlight = last.json().get("caseNumber").asText();
    assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
    assertThat(app.exitValue()).as("SIGKILL exit code").isEqualTo(137);

    List<String> jobs = jobsAtCrash(erikaInFlight);
    System.out.println("[durability] jobs of " + erikaInFlight + " at the crash: " + jobs);

    long secondStartup = start("second");

    for (String[] c : new String[][] {{maxCase, "max"}, {erikaDone, "erika"}, {erikaInFlight, "erika"}}) {
      Http.Response r = http.get("/api/cases/" + c[0], c[1]);
      assertThat(r.status()).as("case %s after restart", c[0]).isEqualTo(200);
      assertThat(r.json().get("timeline").findValuesAsText("status")).as("timeline of %s", c[0])
          .contains("Antrag eingegangen");
    }
    JsonNode maxAfter = http.get("/api/cases/" + maxCase, "max").json();
    assertThat(maxAfter.get("status")).isEqualTo(maxBefore.get("status"));
    assertThat(maxAfter.get("timeline")).isEqualTo(maxBefore.get("timeline"));
    JsonNode erikaDoneAfter = http.get("/api/cases/" + erikaDone, "erika").json();
    assertThat(erikaDoneAfter.get("timeline")).isEqualTo(erikaDoneBefore.get("timeline"));
    assertThat(erikaDoneAfter.get("documents")).isEqualTo(erikaDoneBefore.get("documents"));
    assertThat(inQueue(http, maxCase)).as("max's review task still in clara's queue").isTrue();

    long restarted = System.nanoTime();
    await("the in-flight notice in erika's postbox after the restart", Duration.ofSeconds(60),
        () -> noticeInPostbox(http, erikaInFlight));
    System.out.printf("[durability] startup first %d ms, second %d ms; in-flight notice %d ms after restart%n",
        firstStartup, secondStartup, (System.nanoTime() - restarted) / 1_000_000);
    JsonNode inFlightAfter = http.get("/api/cases/" + erikaInFlight, "erika").json();
    assertThat(inFlightAfter.get("documents").findValuesAsText("kind")).contains("NOTICE").doesNotHaveDuplicates();
  }

  // --- the child JVM -------------------------------------------------------------------------------

  /** Starts the application and returns the milliseconds until /actuator/health says UP. */
  long start(String name) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    log = work.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", String.join(File.pathSeparator, applicationClasspath()),
        "de.amtsweg.AmtswegApplication",
        "--spring.profiles.active=demo",
        "--spring.main.banner-mode=off",
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:file:" + work.resolve("amtsweg") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
        "--amtsweg.models.processes-dir=" + root.resolve("processes"),
        "--amtsweg.models.forms-dir=" + root.resolve("forms"),
        "--amtsweg.mail.enabled=false",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS));
    long t0 = System.nanoTime();
    app = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    Http http = new Http(port);
    String[] health = {"(no answer)"};
    try {
      await(name + " startup", STARTUP_TIMEOUT, () -> {
        if (!app.isAlive()) {
          throw new AssertionError("application exited with " + app.exitValue() + ":\n" + tail(log));
        }
        try {
          Http.Response r = http.get("/actuator/health", null);
          health[0] = r.status() + " " + r.body();
          return r.status() == 200 && "UP".equals(r.json().path("status").asText());
        } catch (IllegalStateException connectionRefused) {
          return false;
        }
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last health answer: " + health[0] + "\n" + tail(log), e);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Matcher started = Pattern.compile("Started \\w+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)")
        .matcher(Files.readString(log));
    System.out.printf("[durability] %s startup: health UP after %d ms; Spring: %s%n", name, ms,
        started.find() ? "started in " + started.group(1) + " s, process running for " + started.group(2) + " s"
            : "(no 'Started' line)");
    return ms;
  }

  /**
   * The test runtime classpath without the test classes (they hold {@code @TestConfiguration}s, e.g. GreenMail,
   * that component scanning would pick up). Failsafe may hand over a manifest-only booter jar: expand it.
   */
  static List<String> applicationClasspath() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File f = new File(e);
      if (f.getName().startsWith("surefirebooter") && f.getName().endsWith(".jar")) {
        try (JarFile jar = new JarFile(f)) {
          Manifest mf = jar.getManifest();
          String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
          if (cp != null) {
            for (String u : cp.trim().split("\\s+")) {
              entries.add(new File(f.getParentFile().toURI().resolve(URI.create(u))).getPath());
            }
          }
        }
      } else {
        entries.add(e);
      }
    }
    entries.removeIf(e -> Path.of(e).normalize().endsWith(Path.of("target", "test-classes")));
    return entries;
  }

  /** Reads the engine's job table of the dead application's database file directly. */
  List<String> jobsAtCrash(String caseNumber) {
    List<String> jobs = new ArrayList<>();
    String url = "jdbc:h2:file:" + work.resolve("amtsweg") + ";ACCESS_MODE_DATA=r";
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select j.TYPE_, j.JOB_DEF_ID_, j.LOCK_OWNER_, j.LOCK_EXP_TIME_, j.RETRIES_ "
            + "from ACT_RU_JOB j join ACT_RU_EXECUTION e on e.ID_ = j.PROCESS_INSTANCE_ID_ "
            + "where e.BUSINESS_KEY_ = '" + caseNumber + "'")) {
      while (r.next()) {
        jobs.add(r.getString(1) + (r.getString(3) == null ? " unlocked" : " LOCKED by " + r.getString(3)
            + " until " + r.getTimestamp(4)) + ", retries " + r.getInt(5));
      }
    } catch (java.sql.SQLException e) {
      jobs.add("(could not read the database file: " + e.getMessage() + ")");
    }
    return jobs;
  }

  // --- API helpers ---------------------------------------------------------------------------------

  static String submit(Http http, String user, Object body) {
    Http.Response r = http.post(APPLY, user, body);
    assertThat(r.status()).as("submit for %s: %s", user, r.body()).isEqualTo(201);
    return r.json().get("caseNumber").asText();
  }

  static boolean inQueue(Http http, String caseNumber) {
    Http.Response r = http.get("/api/tasks", "clara");
    assertThat(r.status()).isEqualTo(200);
    return r.json().findValuesAsText("caseNumber").contains(caseNumber);
  }

  static boolean noticeInPostbox(Http http, String caseNumber) {
    for (JsonNode m : http.get("/api/postbox", "erika").json()) {
      if (caseNumber.equals(m.path("caseNumber").asText()) && m.has("document")) {
        return true;
      }
    }
    return false;
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

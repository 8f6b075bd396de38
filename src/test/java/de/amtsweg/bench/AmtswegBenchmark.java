package de.amtsweg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsweg.AmtswegApplication;
import de.amtsweg.testsupport.Applications;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * "Speed is measured, not hoped": starts the whole application in-process on a fresh H2 file database
 * and measures, over real HTTP, how long a straight-through application (Erika) takes from submit
 * until its notice is in her postbox. Not a unit test: run it with
 * {@code ./mvnw -o -Pbenchmark -DskipTests verify} (see the {@code benchmark} profile in the pom).
 *
 * <p>System properties (all optional): {@code bench.n} (sequential applications measured, 50),
 * {@code bench.warmup} (sequential applications not measured, 5), {@code bench.threads} (4) and
 * {@code bench.perThread} (10) for the concurrent run, {@code bench.pollMs} (25),
 * {@code bench.timeoutSeconds} per application (60).
 */
public final class AmtswegBenchmark {

  static final String APPLY = "/api/procedures/residentParkingPermit/applications";
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;
  private final long pollMs;
  private final long timeoutNanos;
  private final byte[] erikaBody;

  AmtswegBenchmark(int port, long pollMs, long timeoutSeconds) throws IOException {
    this.port = port;
    this.pollMs = pollMs;
    this.timeoutNanos = Duration.ofSeconds(timeoutSeconds).toNanos();
    this.erikaBody = JSON.writeValueAsBytes(Applications.erika());
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.n", 50);
    int warmup = Integer.getInteger("bench.warmup", 5);
    int threads = Integer.getInteger("bench.threads", 4);
    int perThread = Integer.getInteger("bench.perThread", 10);
    long pollMs = Long.getLong("bench.pollMs", 25);
    long timeoutSeconds = Long.getLong("bench.timeoutSeconds", 60);

    Path dir = Files.createTempDirectory("amtsweg-bench");
    Path project = Path.of("").toAbsolutePath();
    String[] appArgs = {
        "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("amtsweg") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=" + Integer.getInteger("bench.port", 0),
        "--amtsweg.mail.enabled=false",
        "--amtsweg.models.processes-dir=" + project.resolve("processes"),
        "--amtsweg.models.forms-dir=" + project.resolve("forms"),
        "--spring.main.banner-mode=off",
    };

    SpringApplication app = new SpringApplication(AmtswegApplication.class);
    // the test classpath holds @TestConfiguration classes (GreenMail!) that component scanning would pick up
    app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("benchmarkTypeExcludeFilter",
        new ExcludeTestConfigurations()));
    long[] ready = new long[2];
    app.addListeners((ApplicationEvent event) -> {
      if (event instanceof ApplicationReadyEvent e) {
        ready[0] = e.getTimeTaken() == null ? -1 : e.getTimeTaken().toMillis();
        ready[1] = ManagementFactory.getRuntimeMXBean().getUptime();
      }
    });

    long start = System.nanoTime();
    ConfigurableApplicationContext ctx = app.run(appArgs);
    long startupMs = (System.nanoTime() - start) / 1_000_000;
    int exit = 0;
    try {
      int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
      AmtswegBenchmark bench = new AmtswegBenchmark(port, pollMs, timeoutSeconds);
      System.out.printf(Locale.ROOT, "%n[bench] app up on port %d, H2 at %s%n", port, dir);

      System.out.printf(Locale.ROOT, "[bench] warm-up: %d applications%n", warmup);
      String probe = null;
      for (int i = 0; i < warmup; i++) {
        probe = bench.once().caseNumber;
      }
      if (probe == null) {
        probe = bench.once().caseNumber;
      }
      // what every status poll costs: an anonymous read vs. an authenticated one (HTTP Basic on every request)
      List<Long> anonymousReads = new ArrayList<>();
      List<Long> reads = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long t = System.nanoTime();
        bench.get("/api/procedures", null);
        anonymousReads.add(System.nanoTime() - t);
        t = System.nanoTime();
        bench.get("/api/cases/" + probe, "erika");
        reads.add(System.nanoTime() - t);
      }

      System.out.printf(Locale.ROOT, "[bench] sequential: %d applications%n", n);
      List<Sample> sequential = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        sequential.add(bench.once());
      }

      System.out.printf(Locale.ROOT, "[bench] concurrent: %d threads x %d applications%n", threads, perThread);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Sample> concurrent = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perThread; i++) {
            concurrent.add(bench.once());
          }
          return null;
        }));
      }
      long concurrentStart = System.nanoTime();
      go.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
      long concurrentNanos = System.nanoTime() - concurrentStart;
      pool.shutdown();

      long lost = bench.checkPostbox(sequential, concurrent);

      StringBuilder s = new StringBuilder();
      s.append("\n================ Amtsweg benchmark ================\n");
      s.append(String.format(Locale.ROOT, "JVM %s, %d CPUs, max heap %d MB%n", System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
      s.append(String.format(Locale.ROOT, "startup: SpringApplication.run -> context ready %7d ms%n", startupMs));
      s.append(String.format(Locale.ROOT, "         Spring 'started in' (ready event)     %7d ms%n", ready[0]));
      s.append(String.format(Locale.ROOT, "         JVM uptime at ready ('process running for') %d ms%n", ready[1]));
      s.append("latency in ms                     count    min    p50    p95    max   mean\n");
      s.append(Stats.of(anonymousReads).line("GET /api/procedures (anonymous)"));
      s.append(Stats.of(reads).line("GET /api/cases/{n} (Basic auth)"));
      s.append(Stats.of(sequential, x -> x.submitNanos).line("seq   submit (201)"));
      s.append(Stats.of(sequential, x -> x.noticeNanos).line("seq   submit -> NOTICE document"));
      s.append(Stats.of(sequential, x -> x.postboxNanos).line("seq   submit -> notice in postbox"));
      s.append(Stats.of(concurrent, x -> x.submitNanos).line("conc  submit (201)"));
      s.append(Stats.of(concurrent, x -> x.postboxNanos).line("conc  submit -> notice in postbox"));
      double secs = concurrentNanos / 1e9;
      s.append(String.format(Locale.ROOT, "throughput (%d threads): %d applications to notice in %.2f s = %.2f/s%n",
          threads, concurrent.size(), secs, concurrent.size() / secs));
      s.append(String.format(Locale.ROOT, "sequential throughput: %.2f/s (1 / mean)%n",
          1e9 / Stats.of(sequential, x -> x.postboxNanos).mean));
      s.append(String.format(Locale.ROOT, "notices missing from postbox at the end: %d%n", lost));
      s.append(String.format(Locale.ROOT, "settings: n=%d warmup=%d threads=%d perThread=%d pollMs=%d%n",
          n, warmup, threads, perThread, pollMs));
      s.append("===================================================\n");
      System.out.print(s);
      if (lost > 0) {
        exit = 1;
      }
    } catch (Exception e) {
      e.printStackTrace();
      exit = 1;
    } finally {
      ctx.close();
    }
    System.exit(exit);
  }

  record Sample(String caseNumber, long submitNanos, long noticeNanos, long postboxNanos) {
  }

  record Submitted(String caseNumber, long startNanos, long submitNanos) {
  }

  Sample once() throws Exception {
    Submitted s = submit();
    return awaitNotice(s.caseNumber, s.startNanos, s.submitNanos);
  }

  Submitted submit() throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = client.send(request(APPLY, "erika")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(erikaBody)).build(), HttpResponse.BodyHandlers.ofString());
    long t1 = System.nanoTime();
    if (r.statusCode() != 201) {
      throw new IllegalStateException("submit answered " + r.statusCode() + ": " + r.body());
    }
    return new Submitted(JSON.readTree(r.body()).get("caseNumber").asText(), t0, t1 - t0);
  }

  Sample awaitNotice(String caseNumber, long startNanos) throws Exception {
    return awaitNotice(caseNumber, startNanos, 0);
  }

  /** Polls the case until it holds a NOTICE document, then the postbox until the notice is delivered. */
  Sample awaitNotice(String caseNumber, long startNanos, long submitNanos) throws Exception {
    long deadline = startNanos + timeoutNanos;
    long notice = -1;
    while (notice < 0) {
      JsonNode c = get("/api/cases/" + caseNumber, "erika");
      for (JsonNode d : c.path("documents")) {
        if ("NOTICE".equals(d.path("kind").asText())) {
          notice = System.nanoTime() - startNanos;
        }
      }
      if (notice < 0) {
        pause(deadline, caseNumber, "NOTICE document");
      }
    }
    long delivered = -1;
    while (delivered < 0) {
      if (noticeInPostbox(get("/api/postbox", "erika"), caseNumber)) {
        delivered = System.nanoTime() - startNanos;
      } else {
        pause(deadline, caseNumber, "notice in postbox");
      }
    }
    return new Sample(caseNumber, submitNanos, notice, delivered);
  }

  static boolean noticeInPostbox(JsonNode postbox, String caseNumber) {
    for (JsonNode m : postbox) {
      if (caseNumber.equals(m.path("caseNumber").asText()) && m.has("document")) {
        return true;
      }
    }
    return false;
  }

  long checkPostbox(List<Sample> sequential, List<Sample> concurrent) throws Exception {
    JsonNode postbox = get("/api/postbox", "erika");
    List<Sample> all = new ArrayList<>(sequential);
    all.addAll(concurrent);
    return all.stream().filter(x -> !noticeInPostbox(postbox, x.caseNumber)).count();
  }

  private void pause(long deadline, String caseNumber, String what) throws InterruptedException {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("timed out waiting for " + what + " of " + caseNumber);
    }
    Thread.sleep(pollMs);
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> r = client.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
    }
    return JSON.readTree(r.body());
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("Accept-Language", "de");
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  /** Order statistics over nanosecond samples, printed in milliseconds. */
  record Stats(int count, double min, double p50, double p95, double max, double mean) {

    static Stats of(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
      List<Long> values = new ArrayList<>();
      synchronized (samples) {
        samples.forEach(x -> values.add(f.applyAsLong(x)));
      }
      return of(values);
    }

    static Stats of(List<Long> nanos) {
      if (nanos.isEmpty()) {
        return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      List<Long> v = new ArrayList<>(nanos);
      Collections.sort(v);
      double sum = 0;
      for (long x : v) {
        sum += x;
      }
      return new Stats(v.size(), ms(v.get(0)), ms(rank(v, 0.50)), ms(rank(v, 0.95)), ms(v.get(v.size() - 1)),
          sum / v.size());
    }

    /** Nearest-rank percentile. */
    static long rank(List<Long> sorted, double p) {
      int i = (int) Math.ceil(p * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static double ms(long nanos) {
      return nanos / 1e6;
    }

    String line(String label) {
      return String.format(Locale.ROOT, "%-33s %5d %6.1f %6.1f %6.1f %6.1f %6.1f%n", label, count, min, p50, p95,
          max, mean / 1e6);
    }
  }

  /** Keeps {@code @TestConfiguration} classes of the test classpath out of component scanning. */
  static final class ExcludeTestConfigurations extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
    }

    @Override
    public boolean equals(Object o) {
      return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return getClass().hashCode();
    }
  }
}

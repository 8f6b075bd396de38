package de.amtsweg.integrations.payment;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.cases.AuditLog;
import de.amtsweg.cases.CaseDocument;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.CaseRepository;
import de.amtsweg.cases.DocumentStore;
import de.amtsweg.cases.PaymentStore;
import de.amtsweg.testsupport.AmtswegSpringTest;
import de.amtsweg.testsupport.Applications;
import de.amtsweg.testsupport.Http;
import de.amtsweg.testsupport.Jobs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The payment provider's server-to-server callback over real HTTP, signed as the provider signs it
 * (hex HMAC-SHA256 of the raw body with the shared secret), computed here independently of the
 * application's own {@link PaymentSignature}.
 */
@AmtswegSpringTest
class PaymentCallbackTest {

  static final String APPLY = "/api/procedures/residentParkingPermit/applications";
  static final String CALLBACK = "/api/payments/callback";
  static final String AWAIT_PAYMENT = "ReceiveTask_AwaitPayment";

  @LocalServerPort int port;
  @Value("${amtsweg.payment.simulator.secret}") String secret;
  @Autowired CaseRepository cases;
  @Autowired DocumentStore documents;
  @Autowired PaymentStore payments;
  @Autowired RuntimeService runtimeService;
  @Autowired Jobs jobs;
  @Autowired AuditLog audit;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    Jobs.resetClock();
  }

  static String hmac(String key, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String paid(String paymentId) {
    return "{\"paymentId\":\"" + paymentId + "\",\"status\":\"PAID\",\"providerReference\":\"EPAY-"
        + UUID.randomUUID() + "\"}";
  }

  Http.Response callback(String body, String signature) {
    return http.postRaw(CALLBACK, body, signature == null ? null : PaymentSignature.HEADER, signature);
  }

  Http.Response signed(String body) {
    return callback(body, hmac(secret, body));
  }

  /** Erika applies (straight-through) and the process waits for her fee. */
  CaseRecord awaitingPayment() {
    Http.Response created = http.post(APPLY, "erika", Applications.erika());
    assertThat(created.status()).isEqualTo(201);
    jobs.runDue();
    CaseRecord c = cases.byNumber(created.json().get("caseNumber").asText()).orElseThrow();
    assertThat(waitsForPayment(c)).as("waits for payment").isTrue();
    return c;
  }

  PaymentStore.Payment payment(CaseRecord c) {
    List<PaymentStore.Payment> list = payments.forCase(c.id());
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  boolean waitsForPayment(CaseRecord c) {
    return runtimeService.createExecutionQuery().processInstanceBusinessKey(c.caseNumber())
        .activityId(AWAIT_PAYMENT).count() == 1;
  }

  List<CaseDocument> permits(CaseRecord c) {
    return documents.byCase(c.id()).stream()
        .filter(d -> d.kind() == CaseDocument.Kind.NOTICE && d.title().equals("Bewohnerparkausweis")).toList();
  }

  @Test
  void onlyACorrectlySignedCallbackConfirmsThePaymentOnce() {
    CaseRecord c = awaitingPayment();
    String paymentId = payment(c).id();
    String body = paid(paymentId);

    Http.Response wrongSecret = callback(body, hmac("not-the-shared-secret-at-all", body));
    assertThat(wrongSecret.status()).isEqualTo(401);
    Http.Response tampered = callback(body, hmac(secret, paid(paymentId)));
    assertThat(tampered.status()).as("signature of another body").isEqualTo(401);
    Http.Response unsigned = callback(body, null);
    assertThat(unsigned.status()).isEqualTo(401);
    jobs.runDue();
    assertThat(payment(c).status()).isEqualTo(PaymentStore.Status.OPEN);
    assertThat(waitsForPayment(c)).isTrue();
    assertThat(permits(c)).isEmpty();

    Http.Response malformed = signed("{\"paymentId\": \"" + paymentId + "\", \"status\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(payment(c).status()).isEqualTo(PaymentStore.Status.OPEN);

    Http.Response ok = callback(body, hmac(secret, body).toUpperCase());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("result").asText()).isEqualTo("CONFIRMED");
    jobs.runDue();
    assertThat(payment(c).status()).isEqualTo(PaymentStore.Status.PAID);
    assertThat(payment(c).providerRef()).startsWith("EPAY-");
    CaseRecord done = cases.byNumber(c.caseNumber()).orElseThrow();
    assertThat(done.status()).isEqualTo(CaseRecord.Status.CLOSED);
    assertThat(done.currentStatus()).isEqualTo("Bewohnerparkausweis ausgestellt");
    assertThat(permits(c)).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(c.caseNumber()).count())
        .isZero();

    Http.Response again = signed(paid(paymentId));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("result").asText()).isEqualTo("ALREADY_PAID");
    jobs.runDue();
    assertThat(permits(c)).as("no second permit").hasSize(1);
  }

  @Test
  void providerCallingBackTwiceAtOnceGetsNoErrorAndOnePermit() throws Exception {
    CaseRecord c = awaitingPayment();
    String paymentId = payment(c).id();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Http.Response>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String body = paid(paymentId);
        calls.add(pool.submit(() -> {
          start.await();
          return signed(body);
        }));
      }
      start.countDown();
      List<String> results = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<Http.Response> call : calls) {
        Http.Response r = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        results.add(r.json().get("result").asText());
      }
      assertThat(results).containsExactlyInAnyOrder("CONFIRMED", "ALREADY_PAID");
    } finally {
      pool.shutdownNow();
    }
    jobs.runDue();
    assertThat(payment(c).status()).isEqualTo(PaymentStore.Status.PAID);
    assertThat(permits(c)).hasSize(1);
  }

  @Test
  void unknownPaymentIsNotFound() {
    Http.Response r = signed(paid(UUID.randomUUID().toString()));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("result").asText()).isEqualTo("UNKNOWN");
  }

  @Test
  void paymentAfterTheDeadlineIsRecordedForRefundButIssuesNoPermit() {
    CaseRecord c = awaitingPayment();
    String paymentId = payment(c).id();

    jobs.passTime(Duration.ofDays(31));
    assertThat(waitsForPayment(c)).as("deadline passed").isFalse();
    assertThat(cases.byNumber(c.caseNumber()).orElseThrow().currentStatus())
        .isEqualTo("Verfahren beendet – Gebühr nicht bezahlt");

    Http.Response late = signed(paid(paymentId));

    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("result").asText()).isEqualTo("NOT_AWAITED");
    assertThat(payment(c).status()).isEqualTo(PaymentStore.Status.PAID_LATE);
    assertThat(payment(c).providerRef()).isNotBlank();
    assertThat(audit.forCase(c.id())).extracting(AuditLog.Entry::action).contains("PAYMENT_AFTER_DEADLINE");
    assertThat(permits(c)).isEmpty();
    // the provider calling again changes nothing
    assertThat(signed(paid(paymentId)).json().get("result").asText()).isEqualTo("ALREADY_PAID");
  }
}

package de.amtsweg.integrations.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsweg.cases.PaymentService;
import de.amtsweg.security.RequestSizeLimit;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's server-to-server callback: {@code {"paymentId": ..., "status": "PAID",
 * "providerReference": ...}}, signed in header {@value PaymentSignature#HEADER}. Unsigned or wrongly
 * signed calls change nothing. Repeated callbacks are harmless.
 */
@RestController
public class PaymentCallbackController {

  private final PaymentSignature signature;
  private final PaymentService payments;
  private final ObjectMapper json;

  public PaymentCallbackController(PaymentSignature signature, PaymentService payments, ObjectMapper json) {
    this.signature = signature;
    this.payments = payments;
    this.json = json;
  }

  @PostMapping("/api/payments/callback")
  public ResponseEntity<Map<String, String>> callback(HttpServletRequest request,
      @RequestHeader(value = PaymentSignature.HEADER, required = false) String sig) throws IOException {
    if (sig == null || sig.isBlank()) {
      // refuse before reading anything: this endpoint is open to the internet
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid signature"));
    }
    byte[] body;
    try {
      body = request.getInputStream().readAllBytes(); // capped by RequestSizeLimit
    } catch (RequestSizeLimit.PayloadTooLargeException e) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error", "body too large"));
    }
    if (!signature.valid(body, sig)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid signature"));
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (IOException e) {
      return ResponseEntity.badRequest().body(Map.of("error", "malformed body"));
    }
    if (!"PAID".equals(node.path("status").asText())) {
      return ResponseEntity.badRequest().body(Map.of("error", "unsupported status"));
    }
    PaymentService.Result result = payments.confirm(node.path("paymentId").asText(),
        node.path("providerReference").asText(""));
    HttpStatus status = switch (result) {
      case CONFIRMED, ALREADY_PAID -> HttpStatus.OK;
      case UNKNOWN -> HttpStatus.NOT_FOUND;
      case NOT_AWAITED -> HttpStatus.CONFLICT;
    };
    return ResponseEntity.status(status).body(Map.of("result", result.name()));
  }
}

package de.amtsweg.integrations.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsweg.cases.PaymentStore;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * A stand-in for an e-payment provider (development default, off in prod). Its checkout page shows
 * the amount; "pay" makes it send the same signed HTTP callback a real provider would, to this server.
 */
@Controller
@ConditionalOnProperty(name = "amtsweg.payment.simulator.enabled", havingValue = "true")
public class SimulatedPaymentProvider {

  private final PaymentStore payments;
  private final PaymentSignature signature;
  private final ObjectMapper json;
  private final RestClient http = RestClient.create();
  private final Environment environment;

  public SimulatedPaymentProvider(PaymentStore payments, PaymentSignature signature, ObjectMapper json,
      Environment environment) {
    this.environment = environment;
    this.payments = payments;
    this.signature = signature;
    this.json = json;
  }

  @GetMapping("/payment-provider/checkout/{paymentId}")
  public String checkout(@PathVariable String paymentId, Model model) {
    model.addAttribute("payment", payments.find(paymentId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    return "payment/checkout";
  }

  @PostMapping("/payment-provider/checkout/{paymentId}")
  public String pay(@PathVariable String paymentId, Model model) throws JsonProcessingException {
    PaymentStore.Payment payment = payments.find(paymentId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String body = json.writeValueAsString(Map.of("paymentId", payment.id(), "status", "PAID",
        "providerReference", "SIM-" + UUID.randomUUID()));
    // always this server on loopback, never a host taken from the request
    String callback = "http://localhost:" + environment.getProperty("local.server.port", "8080")
        + "/api/payments/callback";
    Integer status = http.post().uri(callback).contentType(MediaType.APPLICATION_JSON)
        .header(PaymentSignature.HEADER, signature.sign(body)).header(HttpHeaders.ACCEPT, "application/json")
        .body(body).exchange((request, response) -> response.getStatusCode().value());
    model.addAttribute("payment", payment);
    model.addAttribute("accepted", status != null && status / 100 == 2);
    return "payment/done";
  }
}

package de.amtsweg.integrations.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** HMAC-SHA256 over the raw callback body with the secret shared with the payment provider. */
@Component
public class PaymentSignature {

  public static final String HEADER = "X-Payment-Signature";
  private final byte[] secret;

  public PaymentSignature(PaymentProperties properties) {
    String configured = properties.simulator() == null ? null : properties.simulator().secret();
    if (configured == null || configured.length() < 16) {
      throw new IllegalStateException("amtsweg.payment.simulator.secret must be set (at least 16 characters)");
    }
    this.secret = configured.getBytes(StandardCharsets.UTF_8);
  }

  public String sign(String body) {
    return sign(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Over the raw bytes as they travelled, whatever their encoding. */
  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean valid(byte[] body, String signature) {
    return signature != null && MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.UTF_8),
        signature.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
  }
}

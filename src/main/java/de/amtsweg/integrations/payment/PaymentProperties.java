package de.amtsweg.integrations.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The payment provider: shared secret for signed callbacks; the built-in simulator on or off. */
@ConfigurationProperties("amtsweg.payment")
public record PaymentProperties(Simulator simulator) {

  public record Simulator(boolean enabled, String secret) {
  }
}

package de.amtsweg.integrations.registers;

import java.util.Map;

/**
 * A register the once-only look-up block can ask (population register, vehicle register, ...).
 *
 * <p><b>This is where a city plugs in its real registers</b>: provide a Spring bean implementing this
 * interface whose {@link #name()} matches the BPMN input parameter {@code register} (e.g. an XMeld
 * adapter named "population"), and switch the demo registers off with
 * {@code amtsweg.registers.demo.enabled=false}.
 */
public interface Register {

  /** The name the model uses in the {@code register} input parameter. */
  String name();

  /** Answers the query (input parameters of the service task); must be free of side effects (retries). */
  RegisterAnswer lookUp(Map<String, Object> query);
}

package de.amtsweg.blocks;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads a block's configuration: the input parameters the designer set on the BPMN element. */
public final class Inputs {

  private Inputs() {
  }

  public static String required(DelegateExecution execution, String name) {
    return optional(execution, name).orElseThrow(() -> new IllegalStateException(
        "Input parameter '" + name + "' missing on " + execution.getCurrentActivityId()
            + " (" + execution.getProcessDefinitionId() + ")"));
  }

  public static Optional<String> optional(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
  }

}

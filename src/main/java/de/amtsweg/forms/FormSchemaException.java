package de.amtsweg.forms;

/** Thrown when a form-js schema cannot be parsed or is structurally invalid. */
public class FormSchemaException extends RuntimeException {
  public FormSchemaException(String message) {
    super(message);
  }

  public FormSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}

package de.amtsweg.portal;

import de.amtsweg.security.RequestSizeLimit;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** JSON API answers for bodies that cannot be read: too large (413) or not JSON (400). */
@RestControllerAdvice(basePackages = {"de.amtsweg.portal", "de.amtsweg.tasklist", "de.amtsweg.integrations"})
public class ApiErrors {

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof RequestSizeLimit.PayloadTooLargeException) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error", "request body too large"));
      }
      cause = cause.getCause();
    }
    return ResponseEntity.badRequest().body(Map.of("error", "malformed request body"));
  }
}

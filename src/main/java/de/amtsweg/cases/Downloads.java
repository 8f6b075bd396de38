package de.amtsweg.cases;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored document as a download: its sniffed type, a safe file name, never rendered inline as HTML. */
public final class Downloads {

  private Downloads() {
  }

  public static ResponseEntity<byte[]> of(CaseDocument doc, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(doc.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(doc.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(content);
  }
}

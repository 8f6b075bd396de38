package de.amtsweg.cases;

import java.time.OffsetDateTime;

/** Metadata of a stored document (content is loaded separately). */
public record CaseDocument(String id, long caseId, Kind kind, String title, String fileName, String contentType,
    long sizeBytes, String sha256, OffsetDateTime createdAt, String createdBy) {

  public enum Kind { UPLOAD, NOTICE }
}

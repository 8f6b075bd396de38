package de.amtsweg.cases;

import java.time.OffsetDateTime;

/** A case (Vorgang): one application of one citizen in one procedure. */
public record CaseRecord(long id, String caseNumber, String processKey, String procedureName, String office,
    String owner, String ownerName, String ownerEmail, Status status, String currentStatus,
    String currentStatusEn, String processDefinitionId, String processInstanceId, String applicationForm, String applicationData,
    OffsetDateTime createdAt, OffsetDateTime closedAt) {

  public enum Status { OPEN, CLOSED }

  public String currentStatus(java.util.Locale locale) {
    return "en".equals(locale.getLanguage()) && currentStatusEn != null ? currentStatusEn : currentStatus;
  }
}

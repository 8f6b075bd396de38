package de.amtsweg.engine;

/**
 * A procedure citizens can apply for: the latest version of a process whose model carries the
 * process-level extension properties {@code caseNumberPrefix} and {@code office}.
 */
public record Procedure(String processKey, String name, String description, String caseNumberPrefix,
    String office, String processDefinitionId) {
}

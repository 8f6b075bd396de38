package de.amtsweg.integrations.registers;

/** Whether the register confirms what the applicant stated, with a reason for the clerk. */
public record RegisterAnswer(boolean confirmed, String detail) {
}

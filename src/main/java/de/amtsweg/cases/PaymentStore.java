package de.amtsweg.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment requests of a case and their state. */
@Repository
public class PaymentStore {

  /** PAID_LATE: the money came after the deadline, the procedure had ended; it is to be refunded. */
  public enum Status { OPEN, PAID, PAID_LATE }

  public record Payment(String id, long caseId, BigDecimal amount, String purpose, String messageName, Status status,
      OffsetDateTime createdAt, OffsetDateTime paidAt, String providerRef) {
  }

  private static final RowMapper<Payment> PAYMENT = (rs, i) -> new Payment(rs.getString("id"), rs.getLong("case_id"),
      rs.getBigDecimal("amount"), rs.getString("purpose"), rs.getString("message_name"),
      Status.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class),
      rs.getObject("paid_at", OffsetDateTime.class), rs.getString("provider_ref"));

  private final JdbcClient jdbc;

  public PaymentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Payment create(long caseId, BigDecimal amount, String purpose, String messageName) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        INSERT INTO payment (id, case_id, amount, purpose, message_name, status, created_at)
        VALUES (?, ?, ?, ?, ?, 'OPEN', ?)""").params(id, caseId, amount, purpose, messageName, EngineClock.now())
        .update();
    return find(id).orElseThrow();
  }

  public Optional<Payment> find(String id) {
    return jdbc.sql("SELECT * FROM payment WHERE id = ?").param(id).query(PAYMENT).optional();
  }

  public List<Payment> forCase(long caseId) {
    return jdbc.sql("SELECT * FROM payment WHERE case_id = ? ORDER BY created_at").param(caseId).query(PAYMENT).list();
  }

  /** OPEN → PAID (or PAID_LATE) once; false if it was paid already (a provider may call back twice). */
  public boolean markPaid(String id, Status status, String providerRef) {
    return jdbc.sql("UPDATE payment SET status = ?, paid_at = ?, provider_ref = ? WHERE id = ? AND status = 'OPEN'")
        .params(status.name(), EngineClock.now(), providerRef, id).update() == 1;
  }
}

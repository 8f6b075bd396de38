package de.amtsweg.cases;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who did what to a case, in the same transaction as the deed. */
@Repository
public class AuditLog {

  public record Entry(java.time.OffsetDateTime occurredAt, String actor, String action, String detail) {
  }

  private final JdbcClient jdbc;

  public AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(Long caseId, String actor, String action, String detail) {
    jdbc.sql("INSERT INTO audit_entry (case_id, occurred_at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")
        .params(caseId, EngineClock.now(), actor, action,
            detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)))
        .update();
  }

  public List<Entry> forCase(long caseId) {
    return jdbc.sql("SELECT occurred_at, actor, action, detail FROM audit_entry WHERE case_id = ? ORDER BY id")
        .param(caseId).query((rs, i) -> new Entry(rs.getObject(1, java.time.OffsetDateTime.class),
            rs.getString(2), rs.getString(3), rs.getString(4))).list();
  }
}

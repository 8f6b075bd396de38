package de.amtsweg.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Questions of the authority to the citizen and their answers. */
@Repository
public class InquiryStore {

  public record Inquiry(long id, long caseId, String question, String answerForm, String messageName,
      OffsetDateTime dueAt, OffsetDateTime createdAt, OffsetDateTime answeredAt, String answerText) {

    public boolean open() {
      return answeredAt == null;
    }
  }

  private static final RowMapper<Inquiry> INQUIRY = (rs, i) -> new Inquiry(rs.getLong("id"), rs.getLong("case_id"),
      rs.getString("question"), rs.getString("answer_form"), rs.getString("message_name"),
      rs.getObject("due_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
      rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answer_text"));

  private final JdbcClient jdbc;

  public InquiryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long create(long caseId, String question, String answerForm, String messageName, OffsetDateTime dueAt) {
    jdbc.sql("""
        INSERT INTO inquiry (case_id, question, answer_form, message_name, due_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?)""").params(caseId, question, answerForm, messageName, dueAt, EngineClock.now())
        .update();
    return jdbc.sql("SELECT MAX(id) FROM inquiry WHERE case_id = ?").param(caseId).query(Long.class).single();
  }

  public List<Inquiry> forCase(long caseId) {
    return jdbc.sql("SELECT * FROM inquiry WHERE case_id = ? ORDER BY id").param(caseId).query(INQUIRY).list();
  }

  public Optional<Inquiry> find(long id) {
    return jdbc.sql("SELECT * FROM inquiry WHERE id = ?").param(id).query(INQUIRY).optional();
  }

  /** Marks the inquiry answered; false if it was answered already (double submit). */
  public boolean answer(long id, String answerText) {
    return jdbc.sql("UPDATE inquiry SET answered_at = ?, answer_text = ? WHERE id = ? AND answered_at IS NULL")
        .params(EngineClock.now(), answerText, id).update() == 1;
  }
}

package de.amtsweg.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The citizen's postbox: messages from the authority, each optionally with a document. */
@Repository
public class PostboxStore {

  public record Message(long id, String owner, long caseId, String caseNumber, String subject, String body,
      String documentId, OffsetDateTime createdAt, OffsetDateTime readAt) {
  }

  private static final RowMapper<Message> MESSAGE = (rs, i) -> new Message(rs.getLong("id"), rs.getString("owner"),
      rs.getLong("case_id"), rs.getString("case_number"), rs.getString("subject"), rs.getString("body"),
      rs.getString("document_id"), rs.getObject("created_at", OffsetDateTime.class),
      rs.getObject("read_at", OffsetDateTime.class));
  private static final String SELECT = "SELECT m.*, c.case_number FROM postbox_message m "
      + "JOIN case_file c ON c.id = m.case_id ";

  private final JdbcClient jdbc;

  public PostboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a message once per dedup key; returns false if it was already delivered (retried job). */
  public boolean deliver(String owner, long caseId, String subject, String body, String documentId,
      String dedupKey) {
    if (jdbc.sql("SELECT COUNT(*) FROM postbox_message WHERE dedup_key = ?").param(dedupKey)
        .query(Long.class).single() > 0) {
      return false;
    }
    jdbc.sql("""
        INSERT INTO postbox_message (owner, case_id, subject, body, document_id, dedup_key, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(owner, caseId, subject, body, documentId, dedupKey, EngineClock.now()).update();
    return true;
  }

  public List<Message> forOwner(String owner) {
    return jdbc.sql(SELECT + "WHERE m.owner = ? ORDER BY m.created_at DESC, m.id DESC").param(owner)
        .query(MESSAGE).list();
  }

  public List<Message> forCase(long caseId) {
    return jdbc.sql(SELECT + "WHERE m.case_id = ? ORDER BY m.created_at, m.id").param(caseId).query(MESSAGE).list();
  }

  public Optional<Message> find(long id, String owner) {
    return jdbc.sql(SELECT + "WHERE m.id = ? AND m.owner = ?").params(id, owner).query(MESSAGE).optional();
  }

  public void markRead(long id, String owner) {
    jdbc.sql("UPDATE postbox_message SET read_at = ? WHERE id = ? AND owner = ? AND read_at IS NULL")
        .params(EngineClock.now(), id, owner).update();
  }
}

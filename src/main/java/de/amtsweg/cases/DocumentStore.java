package de.amtsweg.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Documents of a case, stored in the database so they commit or roll back together with the case
 * and the process. Storage names are server-generated UUIDs; the citizen's file name is kept only as
 * a sanitized download name.
 */
@Repository
public class DocumentStore {

  private static final RowMapper<CaseDocument> DOC = (rs, i) -> new CaseDocument(rs.getString("id"),
      rs.getLong("case_id"), CaseDocument.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
      rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
      rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));

  private final JdbcClient jdbc;

  public DocumentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public CaseDocument store(long caseId, CaseDocument.Kind kind, String title, String fileName, String contentType,
      byte[] content, String createdBy) {
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = EngineClock.now();
    String sha = sha256(content);
    String safeName = safeFileName(fileName);
    jdbc.sql("""
        INSERT INTO case_document (id, case_id, kind, title, file_name, content_type, size_bytes, sha256, content,
          created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, caseId, kind.name(), title, safeName, contentType, (long) content.length, sha, content, now,
            createdBy)
        .update();
    return new CaseDocument(id, caseId, kind, title, safeName, contentType, content.length, sha, now, createdBy);
  }

  public Optional<CaseDocument> find(String id) {
    return jdbc.sql("SELECT id, case_id, kind, title, file_name, content_type, size_bytes, sha256, created_at, "
        + "created_by FROM case_document WHERE id = ?").param(id).query(DOC).optional();
  }

  public byte[] content(String id) {
    return jdbc.sql("SELECT content FROM case_document WHERE id = ?").param(id).query(byte[].class).single();
  }

  public List<CaseDocument> byCase(long caseId) {
    return jdbc.sql("SELECT id, case_id, kind, title, file_name, content_type, size_bytes, sha256, created_at, "
        + "created_by FROM case_document WHERE case_id = ? ORDER BY created_at, id").param(caseId).query(DOC).list();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM case_document").query(Long.class).single();
  }

  /** Keeps letters, digits, dot, dash and underscore; never a path; never empty. */
  public static String safeFileName(String name) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    String cleaned = base.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^\\.+", "");
    if (cleaned.length() > 100) {
      cleaned = cleaned.substring(cleaned.length() - 100);
    }
    return cleaned.isBlank() ? "dokument" : cleaned;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

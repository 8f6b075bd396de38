package de.amtsweg.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Cases and their timelines. Runs in the caller's (engine's) transaction. */
@Repository
public class CaseRepository {

  private static final RowMapper<CaseRecord> CASE = CaseRepository::mapCase;
  private static final RowMapper<TimelineEntry> EVENT = (rs, i) -> new TimelineEntry(
      rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("element_id"),
      rs.getString("status_de"), rs.getString("status_en"));

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  public CaseRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Next number for prefix and year; the counter row stays locked until the transaction ends, so
   * numbers are gap-free per commit. The year's row is created in a transaction of its own, so that
   * two first applications of a year cannot both try to insert it in theirs.
   */
  public long nextNumber(String prefix, int year) {
    if (increment(prefix, year) == 0) {
      try {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql(
            "INSERT INTO case_number_counter (prefix, counter_year, last_value) VALUES (?, ?, 0)")
            .params(prefix, year).update());
      } catch (DuplicateKeyException createdByAConcurrentApplication) {
        // fine: the row is there now
      }
      increment(prefix, year);
    }
    return lastNumber(prefix, year);
  }

  private int increment(String prefix, int year) {
    return jdbc.sql("UPDATE case_number_counter SET last_value = last_value + 1 WHERE prefix = ? AND counter_year = ?")
        .params(prefix, year).update();
  }

  /** The last number handed out for a prefix in a year (0 if none), without taking one. */
  public long lastNumber(String prefix, int year) {
    return jdbc.sql("SELECT COALESCE(MAX(last_value), 0) FROM case_number_counter WHERE prefix = ? AND counter_year = ?")
        .params(prefix, year).query(Long.class).single();
  }

  public long insert(CaseRecord c, String idempotencyKey) {
    jdbc.sql("""
        INSERT INTO case_file (case_number, process_key, procedure_name, office, owner, owner_name, owner_email,
          idempotency_key, status, process_definition_id, application_form, application_data, created_at)
        VALUES (:caseNumber, :processKey, :procedureName, :office, :owner, :ownerName, :ownerEmail,
          :idempotencyKey, 'OPEN', :processDefinitionId, :applicationForm, :applicationData, :createdAt)""")
        .param("caseNumber", c.caseNumber()).param("processKey", c.processKey())
        .param("procedureName", c.procedureName()).param("office", c.office()).param("owner", c.owner())
        .param("ownerName", c.ownerName()).param("ownerEmail", c.ownerEmail())
        .param("idempotencyKey", idempotencyKey).param("processDefinitionId", c.processDefinitionId())
        .param("applicationForm", c.applicationForm())
        .param("applicationData", c.applicationData()).param("createdAt", c.createdAt())
        .update();
    return jdbc.sql("SELECT id FROM case_file WHERE case_number = ?").param(c.caseNumber())
        .query(Long.class).single();
  }

  public void updateApplicationData(long caseId, String json) {
    jdbc.sql("UPDATE case_file SET application_data = ? WHERE id = ?").params(json, caseId).update();
  }

  public void linkProcessInstance(long caseId, String processInstanceId) {
    jdbc.sql("UPDATE case_file SET process_instance_id = ? WHERE id = ?").params(processInstanceId, caseId).update();
  }

  public Optional<CaseRecord> byNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM case_file WHERE case_number = ?").param(caseNumber).query(CASE).optional();
  }

  public List<CaseRecord> byProcessInstances(java.util.Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM case_file WHERE process_instance_id IN (:ids)").param("ids", processInstanceIds)
        .query(CASE).list();
  }

  public Optional<CaseRecord> byId(long id) {
    return jdbc.sql("SELECT * FROM case_file WHERE id = ?").param(id).query(CASE).optional();
  }

  public Optional<CaseRecord> byIdempotencyKey(String owner, String processKey, String key) {
    return jdbc.sql("SELECT * FROM case_file WHERE owner = ? AND process_key = ? AND idempotency_key = ?")
        .params(owner, processKey, key).query(CASE).optional();
  }

  public List<CaseRecord> byOwner(String owner) {
    return jdbc.sql("SELECT * FROM case_file WHERE owner = ? ORDER BY created_at DESC, id DESC").param(owner)
        .query(CASE).list();
  }

  public void addEvent(long caseId, String elementId, String statusDe, String statusEn, OffsetDateTime at) {
    jdbc.sql("INSERT INTO case_event (case_id, occurred_at, element_id, status_de, status_en) VALUES (?, ?, ?, ?, ?)")
        .params(caseId, at, elementId, statusDe, statusEn).update();
    jdbc.sql("UPDATE case_file SET current_status = ?, current_status_en = ? WHERE id = ?")
        .params(statusDe, statusEn, caseId).update();
  }

  public List<TimelineEntry> timeline(long caseId) {
    return jdbc.sql("SELECT * FROM case_event WHERE case_id = ? ORDER BY occurred_at, id").param(caseId)
        .query(EVENT).list();
  }

  public void close(long caseId, OffsetDateTime at) {
    jdbc.sql("UPDATE case_file SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status = 'OPEN'")
        .params(at, caseId).update();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
  }

  private static CaseRecord mapCase(ResultSet rs, int row) throws SQLException {
    return new CaseRecord(rs.getLong("id"), rs.getString("case_number"), rs.getString("process_key"),
        rs.getString("procedure_name"), rs.getString("office"), rs.getString("owner"), rs.getString("owner_name"),
        rs.getString("owner_email"), CaseRecord.Status.valueOf(rs.getString("status")),
        rs.getString("current_status"), rs.getString("current_status_en"), rs.getString("process_definition_id"),
        rs.getString("process_instance_id"),
        rs.getString("application_form"), rs.getString("application_data"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));
  }
}

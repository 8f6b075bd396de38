package de.amtsweg.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Completing a task queries ACT_RU_TASK by PARENT_TASK_ID_, which Camunda indexes only on MSSQL;
 * with many open tasks that becomes a table scan. Created after the engine made its schema.
 */
@Component
public class EngineIndexes {

  private final JdbcTemplate jdbc;

  public EngineIndexes(JdbcTemplate jdbc, ProcessEngine engineMustExistFirst) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void create() {
    jdbc.execute("CREATE INDEX IF NOT EXISTS AMTSWEG_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)");
  }
}

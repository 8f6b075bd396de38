package de.amtsweg.testsupport;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Drives asynchronous continuations and timers in tests (the job executor is off), and moves time. */
public class Jobs {

  private final ManagementService managementService;

  public Jobs(ManagementService managementService) {
    this.managementService = managementService;
  }

  /** Executes all jobs that are due now, including jobs they create, until none is left. */
  public int runDue() {
    int executed = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("jobs keep coming: endless loop in a model?");
  }

  /** Moves the engine clock forward and runs what became due (timers). */
  public int passTime(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    return runDue();
  }

  public static void resetClock() {
    ClockUtil.reset();
  }
}

package de.amtsweg.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Writes what the model says onto the case: milestones carrying {@code citizenStatus} become timeline
 * entries, the end of the process instance closes the case. Called by engine listeners that
 * {@link CaseLifecyclePlugin} attaches at parse time — no status strings live in Java.
 */
@Component
public class CaseTimeline {

  private final CaseRepository cases;

  public CaseTimeline(CaseRepository cases) {
    this.cases = cases;
  }

  public void milestone(DelegateExecution execution, String statusDe, String statusEn) {
    caseOf(execution).ifPresent(c -> cases.addEvent(c.id(), execution.getCurrentActivityId(), statusDe, statusEn,
        EngineClock.now()));
  }

  public void processEnded(DelegateExecution execution) {
    caseOf(execution).ifPresent(c -> cases.close(c.id(), EngineClock.now()));
  }

  private java.util.Optional<CaseRecord> caseOf(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    return businessKey == null ? java.util.Optional.empty() : cases.byNumber(businessKey);
  }
}

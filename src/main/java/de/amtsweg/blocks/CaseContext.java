package de.amtsweg.blocks;

import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.CaseRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The case a process instance works on, found by its business key (the case number). */
@Component
public class CaseContext {

  private final CaseRepository cases;

  public CaseContext(CaseRepository cases) {
    this.cases = cases;
  }

  public CaseRecord of(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    return cases.byNumber(caseNumber).orElseThrow(() -> new IllegalStateException(
        "No case " + caseNumber + " for process instance " + execution.getProcessInstanceId()));
  }
}

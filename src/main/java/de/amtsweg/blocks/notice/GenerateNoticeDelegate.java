package de.amtsweg.blocks.notice;

import de.amtsweg.blocks.CaseContext;
import de.amtsweg.blocks.Inputs;
import de.amtsweg.cases.CaseDocument;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.DocumentStore;
import de.amtsweg.cases.EngineClock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Notice generation: renders {@code templates/notices/<template>.html} to PDF/A with the process
 * variables, files it as a NOTICE document of the case and stores its id in {@code documentVariable}.
 * Inputs: {@code template}, {@code title}, {@code documentVariable}.
 */
@Component("generateNotice")
public class GenerateNoticeDelegate implements JavaDelegate {

  private final NoticeRenderer renderer;
  private final DocumentStore documents;
  private final CaseContext caseContext;
  private final AuthorityProperties authority;

  public GenerateNoticeDelegate(NoticeRenderer renderer, DocumentStore documents, CaseContext caseContext,
      AuthorityProperties authority) {
    this.renderer = renderer;
    this.documents = documents;
    this.caseContext = caseContext;
    this.authority = authority;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = Inputs.required(execution, "template");
    String title = Inputs.required(execution, "title");
    String documentVariable = Inputs.required(execution, "documentVariable");
    CaseRecord c = caseContext.of(execution);
    byte[] pdf = renderer.render(template, model(execution, c), Locale.GERMAN);
    String fileName = title.replaceAll("[^\\p{L}\\p{N}]+", "-") + "-" + c.caseNumber() + ".pdf";
    CaseDocument doc = documents.store(c.id(), CaseDocument.Kind.NOTICE, title, fileName, "application/pdf", pdf,
        "system");
    execution.setVariable(documentVariable, doc.id());
  }

  Map<String, Object> model(DelegateExecution execution, CaseRecord c) {
    Map<String, Object> model = new HashMap<>(execution.getVariables());
    model.put("caseNumber", c.caseNumber());
    model.put("procedureName", c.procedureName());
    model.put("today", EngineClock.now().toLocalDate());
    model.put("authority", authority.asModel());
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("givenName", execution.getVariable("applicantGivenName"));
    applicant.put("familyName", execution.getVariable("applicantFamilyName"));
    for (String key : new String[] {"street", "houseNumber", "postalCode", "city"}) {
      applicant.put(key, execution.getVariable(key));
    }
    model.put("applicant", applicant);
    return model;
  }
}

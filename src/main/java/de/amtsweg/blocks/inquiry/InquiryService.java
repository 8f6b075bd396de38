package de.amtsweg.blocks.inquiry;

import de.amtsweg.cases.FormDocuments;
import de.amtsweg.cases.FormSubmissions;
import de.amtsweg.cases.AuditLog;
import de.amtsweg.cases.CaseFile;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.InquiryStore;
import de.amtsweg.cases.InquiryStore.Inquiry;
import de.amtsweg.cases.ProcessVariables;
import de.amtsweg.engine.ProcedureCatalog;
import de.amtsweg.forms.FormDefinition;
import de.amtsweg.forms.ValidationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The citizen's side of an inquiry: which are open, and answering one. */
@Service
public class InquiryService {

  public record Answer(boolean ok, Map<String, String> errors) {
  }

  private final InquiryStore inquiries;
  private final ProcedureCatalog catalog;
  private final FormSubmissions submissions;
  private final FormDocuments formDocuments;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final MessageSource messages;
  private final CaseFile caseFile;

  public InquiryService(InquiryStore inquiries, ProcedureCatalog catalog, FormSubmissions submissions,
      FormDocuments formDocuments, RuntimeService runtimeService, TransactionTemplate transactions,
      AuditLog audit, MessageSource messages, CaseFile caseFile) {
    this.caseFile = caseFile;
    this.inquiries = inquiries;
    this.catalog = catalog;
    this.submissions = submissions;
    this.formDocuments = formDocuments;
    this.runtimeService = runtimeService;
    this.transactions = transactions;
    this.audit = audit;
    this.messages = messages;
  }

  /** Open = not answered and the process still waits for the answer (the deadline may have passed). */
  public boolean answerable(Inquiry inquiry, CaseRecord c) {
    return inquiry.open() && caseFile.waitsFor(c, inquiry.messageName());
  }

  public Optional<Inquiry> find(CaseRecord c, long inquiryId) {
    return inquiries.find(inquiryId).filter(i -> i.caseId() == c.id());
  }

  public FormDefinition form(Inquiry inquiry) {
    return catalog.latestForm(inquiry.answerForm()).orElseThrow(
        () -> new IllegalStateException("Answer form '" + inquiry.answerForm() + "' is not deployed"));
  }

  public Answer answer(CaseRecord c, Inquiry inquiry, FormSubmissions.FormInput input, Locale locale) {
    if (!answerable(inquiry, c)) {
      return new Answer(false, Map.of("", messages.getMessage("inquiry.closed", null, locale)));
    }
    ValidationResult result = submissions.validate(form(inquiry), input, Map.of(), locale);
    Map<String, String> errors = new LinkedHashMap<>(result.errors());
    if (errors.isEmpty() && result.data().values().stream().allMatch(InquiryService::empty)) {
      errors.put("", messages.getMessage("inquiry.empty", null, locale));
    }
    if (!errors.isEmpty()) {
      return new Answer(false, errors);
    }
    Boolean done;
    try {
      done = transactions.execute(tx -> {
        Object text = result.data().get("answerText");
        // claim the inquiry first: a second click waits here and stores nothing
        if (!inquiries.answer(inquiry.id(), text == null ? null : text.toString())) {
          return false;
        }
        Map<String, Object> stored = formDocuments.store(c.id(), c.owner(), result.data());
        Map<String, Object> variables = new LinkedHashMap<>();
        stored.forEach((k, v) -> variables.put("inquiry" + Character.toUpperCase(k.charAt(0)) + k.substring(1), v));
        audit.record(c.id(), c.owner(), "INQUIRY_ANSWERED", "inquiry " + inquiry.id());
        runtimeService.createMessageCorrelation(inquiry.messageName()).processInstanceBusinessKey(c.caseNumber())
            .setVariables(ProcessVariables.from(variables)).correlateWithResult();
        return true;
      });
    } catch (MismatchingMessageCorrelationException deadlinePassedMeanwhile) {
      done = false; // everything rolled back: the answer, the files, the audit entry
    }
    return Boolean.TRUE.equals(done) ? new Answer(true, Map.of())
        : new Answer(false, Map.of("", messages.getMessage("inquiry.closed", null, locale)));
  }

  private static boolean empty(Object value) {
    return value == null || value.toString().isBlank() || value instanceof List<?> l && l.isEmpty();
  }
}

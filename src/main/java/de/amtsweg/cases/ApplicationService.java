package de.amtsweg.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsweg.engine.Procedure;
import de.amtsweg.forms.FormDefinition;
import de.amtsweg.forms.ValidationResult;
import de.amtsweg.security.Citizen;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submitting an application: validate against the start form the citizen saw, then — in one
 * transaction — the case, its documents and the running process instance, or nothing at all.
 * The same idempotency key from the same citizen yields the same case.
 */
@Service
public class ApplicationService {

  /** Either the case (new or, for a repeated idempotency key, the earlier one) or field errors. */
  public record Outcome(CaseRecord caseRecord, boolean created, Map<String, String> errors) {

    public boolean ok() {
      return caseRecord != null;
    }
  }

  private final Map<String, FormDefinition> startForms = new ConcurrentHashMap<>();
  private final FormService formService;
  private final RuntimeService runtimeService;
  private final FormSubmissions submissions;
  private final CaseRepository cases;
  private final FormDocuments formDocuments;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final AuditLog audit;

  public ApplicationService(FormService formService, RuntimeService runtimeService,
      FormSubmissions submissions, CaseRepository cases, FormDocuments formDocuments, TransactionTemplate transactions,
      ObjectMapper json, AuditLog audit) {
    this.formService = formService;
    this.runtimeService = runtimeService;
    this.submissions = submissions;
    this.cases = cases;
    this.formDocuments = formDocuments;
    this.transactions = transactions;
    this.json = json;
    this.audit = audit;
  }

  public FormDefinition startForm(Procedure procedure) {
    return startForm(procedure.processDefinitionId());
  }

  /** The start form exactly as the citizen filled it in for this case (the model version it was filed under). */
  public FormDefinition startFormOf(CaseRecord c) {
    return startForm(c.processDefinitionId());
  }

  private FormDefinition startForm(String processDefinitionId) {
    // a deployed model version never changes: read and parse its start form once
    return startForms.computeIfAbsent(processDefinitionId, id -> {
      try (InputStream in = formService.getDeployedStartForm(id)) {
        return FormDefinition.parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }


  /** Values the applicant does not type: taken from the login. */
  public static Map<String, Object> prefill(Citizen citizen) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("applicantGivenName", citizen.givenName());
    values.put("applicantFamilyName", citizen.familyName());
    if (citizen.email() != null) {
      values.put("applicantEmail", citizen.email());
    }
    return values;
  }

  /**
   * @param input nested form data (filepicker fields as {@code List<UploadedFile>}) and upload errors
   */
  public Outcome apply(Procedure procedure, Citizen citizen, FormSubmissions.FormInput input,
      String idempotencyKey, Locale locale) {
    if (idempotencyKey != null) {
      Optional<CaseRecord> earlier = cases.byIdempotencyKey(citizen.id(), procedure.processKey(), idempotencyKey);
      if (earlier.isPresent()) {
        return new Outcome(earlier.get(), false, Map.of());
      }
    }
    FormDefinition form = startForm(procedure);
    ValidationResult result = submissions.validate(form, input, prefill(citizen), locale);
    if (!result.valid()) {
      return new Outcome(null, false, result.errors());
    }
    try {
      CaseRecord created = transactions.execute(tx -> create(procedure, citizen, form, result.data(), idempotencyKey));
      return new Outcome(created, true, Map.of());
    } catch (DuplicateKeyException raceWithSameKey) {
      return cases.byIdempotencyKey(citizen.id(), procedure.processKey(), idempotencyKey)
          .map(c -> new Outcome(c, false, Map.<String, String>of()))
          .orElseThrow(() -> raceWithSameKey);
    }
  }

  private CaseRecord create(Procedure procedure, Citizen citizen, FormDefinition form, Map<String, Object> data,
      String idempotencyKey) {
    var now = EngineClock.now();
    String caseNumber = "%s-%d-%06d".formatted(procedure.caseNumberPrefix(), now.getYear(),
        cases.nextNumber(procedure.caseNumberPrefix(), now.getYear()));
    CaseRecord draft = new CaseRecord(0, caseNumber, procedure.processKey(), procedure.name(), procedure.office(),
        citizen.id(), citizen.displayName(), citizen.email(), CaseRecord.Status.OPEN, null, null,
        procedure.processDefinitionId(), null, form.id(),
        "{}", now, null);
    long caseId = cases.insert(draft, idempotencyKey);
    Map<String, Object> stored = formDocuments.store(caseId, citizen.id(), data);
    cases.updateApplicationData(caseId, toJson(stored));
    Map<String, Object> variables = ProcessVariables.from(stored);
    variables.put("applicant", citizen.id());
    variables.put("caseNumber", caseNumber);
    ProcessInstance instance = runtimeService.createProcessInstanceById(procedure.processDefinitionId())
        .businessKey(caseNumber).setVariables(variables).execute();
    cases.linkProcessInstance(caseId, instance.getId());
    audit.record(caseId, citizen.id(), "APPLICATION_SUBMITTED", procedure.processKey());
    return cases.byId(caseId).orElseThrow();
  }

  String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

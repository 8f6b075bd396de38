package de.amtsweg.portal;

import de.amtsweg.cases.ApplicationService;
import de.amtsweg.cases.CaseAccess;
import de.amtsweg.cases.CaseFile;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.CaseRepository;
import de.amtsweg.cases.DocumentStore;
import de.amtsweg.cases.Downloads;
import de.amtsweg.cases.FormSubmissions;
import de.amtsweg.engine.Procedure;
import de.amtsweg.engine.ProcedureCatalog;
import de.amtsweg.forms.FormConditions;
import de.amtsweg.forms.FormDefinition;
import de.amtsweg.forms.FormRenderer;
import de.amtsweg.forms.FormValidator;
import de.amtsweg.security.Citizen;
import de.amtsweg.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The citizen portal: service catalog, applying, my cases. */
@Controller
public class PortalController {

  private final ProcedureCatalog catalog;
  private final ApplicationService applications;
  private final FormSubmissions submissions;
  private final FormRenderer renderer;
  private final FormValidator validator;
  private final FormConditions conditions;
  private final CaseRepository cases;
  private final CaseAccess access;
  private final CaseFile caseFile;
  private final DocumentStore documents;

  public PortalController(ProcedureCatalog catalog, ApplicationService applications, FormSubmissions submissions,
      FormRenderer renderer, FormValidator validator, FormConditions conditions, CaseRepository cases,
      CaseAccess access, CaseFile caseFile, DocumentStore documents) {
    this.catalog = catalog;
    this.applications = applications;
    this.submissions = submissions;
    this.renderer = renderer;
    this.validator = validator;
    this.conditions = conditions;
    this.cases = cases;
    this.access = access;
    this.caseFile = caseFile;
    this.documents = documents;
  }


  private Procedure procedure(String processKey) {
    return catalog.byKey(processKey).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @GetMapping({"/", "/services"})
  public String home(Model model) {
    model.addAttribute("procedures", catalog.all());
    return "portal/home";
  }

  @GetMapping("/login")
  public String login() {
    return "portal/login";
  }

  @GetMapping("/services/{processKey}")
  public String service(@PathVariable String processKey, Model model) {
    model.addAttribute("procedure", procedure(processKey));
    return "portal/service";
  }

  @GetMapping("/apply/{processKey}")
  public String applyForm(@PathVariable String processKey, Authentication auth, Model model, Locale locale) {
    Procedure procedure = procedure(processKey);
    Map<String, Object> values = ApplicationService.prefill(CurrentUser.requireCitizen(auth));
    return showApplyForm(procedure, values, Map.of(), UUID.randomUUID().toString(), model, locale);
  }

  private String showApplyForm(Procedure procedure, Map<String, Object> values, Map<String, String> errors,
      String idempotencyKey, Model model, Locale locale) {
    FormDefinition form = applications.startForm(procedure);
    model.addAttribute("procedure", procedure);
    model.addAttribute("formHtml", renderer.render(form, values, errors, locale));
    model.addAttribute("errors", errors);
    model.addAttribute("idempotencyKey", idempotencyKey);
    model.addAttribute("multipart", form.fields().stream().anyMatch(f -> "filepicker".equals(f.type())));
    return "portal/apply";
  }

  @PostMapping("/apply/{processKey}")
  public String apply(@PathVariable String processKey, @RequestParam(name = "_idempotencyKey", required = false)
      String idempotencyKey, HttpServletRequest request, HttpServletResponse response, Authentication auth,
      Model model, Locale locale) {
    Procedure procedure = procedure(processKey);
    Citizen citizen = CurrentUser.requireCitizen(auth);
    FormDefinition form = applications.startForm(procedure);
    FormSubmissions.FormInput input = submissions.fromRequest(form, request, locale);
    ApplicationService.Outcome outcome = applications.apply(procedure, citizen, input, idempotencyKey, locale);
    if (!outcome.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      Map<String, Object> values = new java.util.LinkedHashMap<>(input.input());
      values.putAll(ApplicationService.prefill(citizen));
      return showApplyForm(procedure, values, outcome.errors(), idempotencyKey, model, locale);
    }
    return "redirect:/cases/" + outcome.caseRecord().caseNumber() + "?submitted";
  }

  /** For forms.js: which fields the form's conditions hide for what the user has entered so far. */
  @PostMapping(path = "/apply/{processKey}/conditions", produces = "application/json")
  @ResponseBody
  public Map<String, Object> applyConditions(@PathVariable String processKey, HttpServletRequest request) {
    FormDefinition form = applications.startForm(procedure(processKey));
    return Map.of("hidden", conditions.hiddenPaths(form,
        validator.fromHttpParameters(form, request.getParameterMap(), Map.of())));
  }

  @GetMapping("/cases")
  public String myCases(Authentication auth, Model model) {
    model.addAttribute("cases", cases.byOwner(CurrentUser.requireCitizen(auth).id()));
    return "portal/cases";
  }

  @GetMapping("/cases/{caseNumber}")
  public String caseDetail(@PathVariable String caseNumber, Authentication auth, Model model, Locale locale) {
    CaseRecord c = access.readable(caseNumber, auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    CaseFile.View view = caseFile.of(c);
    model.addAttribute("view", view);
    model.addAttribute("applicationHtml", renderer.renderReadOnly(applications.startFormOf(c), view.application(),
        locale));
    return "portal/case";
  }

  @GetMapping("/documents/{id}")
  public ResponseEntity<byte[]> document(@PathVariable String id, Authentication auth) {
    return access.readableDocument(id, auth).map(d -> Downloads.of(d, documents.content(d.id())))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}

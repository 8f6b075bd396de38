package de.amtsweg.tasklist;

import de.amtsweg.cases.ApplicationService;
import de.amtsweg.cases.AuditLog;
import de.amtsweg.cases.CaseAccess;
import de.amtsweg.cases.CaseFile;
import de.amtsweg.cases.DocumentStore;
import de.amtsweg.cases.Downloads;
import de.amtsweg.cases.FormSubmissions;
import de.amtsweg.forms.FormConditions;
import de.amtsweg.forms.FormDefinition;
import de.amtsweg.forms.FormRenderer;
import de.amtsweg.forms.FormValidator;
import de.amtsweg.security.Clerk;
import de.amtsweg.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The clerks' task list: queue of their offices, task view with case file and task form. */
@Controller
public class TasklistController {

  private final TaskWork work;
  private final FormRenderer renderer;
  private final FormValidator validator;
  private final FormConditions conditions;
  private final FormSubmissions submissions;
  private final CaseFile caseFile;
  private final CaseAccess access;
  private final DocumentStore documents;
  private final ApplicationService applications;
  private final RuntimeService runtimeService;
  private final AuditLog audit;
  private final AutomaticChecks checks;

  public TasklistController(TaskWork work, FormRenderer renderer, FormValidator validator, FormConditions conditions,
      FormSubmissions submissions, CaseFile caseFile, CaseAccess access, DocumentStore documents,
      ApplicationService applications, RuntimeService runtimeService, AuditLog audit,
      AutomaticChecks checks) {
    this.checks = checks;
    this.work = work;
    this.renderer = renderer;
    this.validator = validator;
    this.conditions = conditions;
    this.submissions = submissions;
    this.caseFile = caseFile;
    this.access = access;
    this.documents = documents;
    this.applications = applications;
    this.runtimeService = runtimeService;
    this.audit = audit;
  }


  private TaskWork.QueueItem item(String taskId, Clerk clerk) {
    return work.find(taskId, clerk).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @GetMapping("/tasks/login")
  public String login() {
    return "tasklist/login";
  }

  @GetMapping("/tasks")
  public String queue(@RequestParam(name = "group", required = false) String group, Authentication auth,
      Model model) {
    Clerk clerk = CurrentUser.requireClerk(auth);
    model.addAttribute("clerk", clerk);
    model.addAttribute("groups", clerk.groups().stream().sorted().toList());
    model.addAttribute("group", group);
    model.addAttribute("items", work.queue(clerk, group));
    return "tasklist/queue";
  }

  @GetMapping("/tasks/{taskId}")
  public String task(@PathVariable String taskId, Authentication auth, Model model, Locale locale) {
    Clerk clerk = CurrentUser.requireClerk(auth);
    TaskWork.QueueItem item = item(taskId, clerk);
    return taskPage(item, clerk, Map.of(), Map.of(), model, locale);
  }

  private String taskPage(TaskWork.QueueItem item, Clerk clerk, Map<String, Object> values,
      Map<String, String> errors, Model model, Locale locale) {
    FormDefinition form = work.form(item.task());
    model.addAttribute("clerk", clerk);
    model.addAttribute("task", item.task());
    model.addAttribute("mine", clerk.id().equals(item.task().getAssignee()));
    model.addAttribute("formHtml", renderer.render(form, values, errors, locale));
    model.addAttribute("errors", errors);
    if (item.caseRecord() != null) {
      CaseFile.View view = caseFile.of(item.caseRecord());
      model.addAttribute("view", view);
      model.addAttribute("applicationHtml",
          renderer.renderReadOnly(applications.startFormOf(item.caseRecord()), view.application(), locale));
      model.addAttribute("checks", checks.of(item.task().getProcessDefinitionId(),
          runtimeService.getVariables(item.task().getProcessInstanceId())));
      model.addAttribute("audit", audit.forCase(item.caseRecord().id()));
    }
    return "tasklist/task";
  }

  @PostMapping("/tasks/{taskId}/claim")
  public String claim(@PathVariable String taskId, Authentication auth, RedirectAttributes flash) {
    TaskWork.Outcome outcome = work.claim(taskId, CurrentUser.requireClerk(auth));
    if (outcome == TaskWork.Outcome.NOT_FOUND) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    flash.addFlashAttribute("notice", outcome == TaskWork.Outcome.CONFLICT ? "task.claimedByOther" : "task.claimed");
    return "redirect:/tasks/" + taskId;
  }

  @PostMapping("/tasks/{taskId}/unclaim")
  public String unclaim(@PathVariable String taskId, Authentication auth, RedirectAttributes flash) {
    work.unclaim(taskId, CurrentUser.requireClerk(auth));
    flash.addFlashAttribute("notice", "task.returned");
    return "redirect:/tasks";
  }

  @PostMapping("/tasks/{taskId}/complete")
  public String complete(@PathVariable String taskId, HttpServletRequest request, HttpServletResponse response,
      Authentication auth, Model model, Locale locale, RedirectAttributes flash) {
    Clerk clerk = CurrentUser.requireClerk(auth);
    TaskWork.QueueItem item = item(taskId, clerk);
    FormSubmissions.FormInput input = submissions.fromRequest(work.form(item.task()), request, locale);
    TaskWork.Completion completion = work.complete(taskId, clerk, input, locale);
    switch (completion.outcome()) {
      case DONE -> {
        flash.addFlashAttribute("notice", "task.completed");
        return "redirect:/tasks";
      }
      case INVALID -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return taskPage(item, clerk, input.input(), completion.errors(), model, locale);
      }
      case CONFLICT -> {
        flash.addFlashAttribute("notice", "task.claimedByOther");
        return "redirect:/tasks";
      }
      default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  @PostMapping(path = "/tasks/{taskId}/conditions", produces = "application/json")
  @ResponseBody
  public Map<String, Object> conditions(@PathVariable String taskId, HttpServletRequest request,
      Authentication auth) {
    FormDefinition form = work.form(item(taskId, CurrentUser.requireClerk(auth)).task());
    return Map.of("hidden", conditions.hiddenPaths(form,
        validator.fromHttpParameters(form, request.getParameterMap(), Map.of())));
  }

  @GetMapping("/tasks/documents/{id}")
  public ResponseEntity<byte[]> document(@PathVariable String id, Authentication auth) {
    CurrentUser.requireClerk(auth);
    return access.readableDocument(id, auth).map(d -> Downloads.of(d, documents.content(d.id())))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}

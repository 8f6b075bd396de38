package de.amtsweg.tasklist;

import de.amtsweg.cases.AuditLog;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.CaseRepository;
import de.amtsweg.cases.FormSubmissions;
import de.amtsweg.cases.ProcessVariables;
import de.amtsweg.forms.FormDefinition;
import de.amtsweg.forms.ValidationResult;
import de.amtsweg.security.Clerk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What clerks do with tasks: see their offices' queue, claim, hand back, complete with the task
 * form. A clerk only ever sees tasks whose candidate groups include one of their offices.
 */
@Service
public class TaskWork {

  /** A task with the case it belongs to. */
  public record QueueItem(Task task, CaseRecord caseRecord) {
  }

  public enum Outcome { DONE, INVALID, CONFLICT, NOT_FOUND }

  public record Completion(Outcome outcome, Map<String, String> errors) {
  }

  private final TaskService taskService;
  private final FormService formService;
  private final FormSubmissions submissions;
  private final CaseRepository cases;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final HistoryService historyService;
  private final Map<String, FormDefinition> forms = new ConcurrentHashMap<>();

  public TaskWork(TaskService taskService, FormService formService, FormSubmissions submissions, CaseRepository cases,
      TransactionTemplate transactions, AuditLog audit, HistoryService historyService) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.formService = formService;
    this.submissions = submissions;
    this.cases = cases;
    this.transactions = transactions;
    this.audit = audit;
  }

  private TaskQuery visibleTo(Clerk clerk) {
    return taskService.createTaskQuery().taskCandidateGroupIn(List.copyOf(clerk.groups())).includeAssignedTasks();
  }

  public List<QueueItem> queue(Clerk clerk) {
    return queue(clerk, null);
  }

  /** The queue of one of the clerk's offices, or of all of them when {@code group} is null. */
  public List<QueueItem> queue(Clerk clerk, String group) {
    if (clerk.groups().isEmpty() || group != null && !clerk.groups().contains(group)) {
      return List.of();
    }
    TaskQuery query = group == null ? visibleTo(clerk)
        : taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
    List<Task> tasks = query.orderByTaskCreateTime().asc().listPage(0, 200);
    Map<String, CaseRecord> byInstance = cases.byProcessInstances(
        tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).stream()
        .collect(Collectors.toMap(CaseRecord::processInstanceId, Function.identity()));
    return tasks.stream().map(t -> new QueueItem(t, byInstance.get(t.getProcessInstanceId()))).toList();
  }

  public Optional<QueueItem> find(String taskId, Clerk clerk) {
    if (clerk.groups().isEmpty()) {
      return Optional.empty();
    }
    Task task = visibleTo(clerk).taskId(taskId).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    return Optional.of(new QueueItem(task, cases.byProcessInstances(List.of(task.getProcessInstanceId())).stream()
        .findFirst().orElse(null)));
  }

  /** A task that is no longer open but belonged to one of the clerk's offices (completed meanwhile). */
  public boolean finishedInOfficeOf(String taskId, Clerk clerk) {
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished()
        .singleResult();
    return done != null && cases.byProcessInstances(List.of(done.getProcessInstanceId())).stream()
        .anyMatch(c -> clerk.memberOf(c.office()));
  }

  /** The task's form; with binding "deployment" it is fixed per model version and task, so parsed once. */
  public FormDefinition form(Task task) {
    return forms.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), key -> {
      try (InputStream in = formService.getDeployedTaskForm(task.getId())) {
        return FormDefinition.parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public Outcome claim(String taskId, Clerk clerk) {
    return raceSafe(() -> transactions.execute(tx -> {
      Optional<QueueItem> item = find(taskId, clerk);
      if (item.isEmpty()) {
        return Outcome.NOT_FOUND;
      }
      String assignee = item.get().task().getAssignee();
      if (clerk.id().equals(assignee)) {
        return Outcome.DONE;
      }
      if (assignee != null) {
        return Outcome.CONFLICT;
      }
      taskService.claim(taskId, clerk.id());
      auditTask(item.get(), clerk, "TASK_CLAIMED");
      return Outcome.DONE;
    }), Outcome.CONFLICT);
  }

  /** Two clerks at the same moment: the engine's optimistic lock decides, the loser gets a conflict. */
  private static <T> T raceSafe(java.util.function.Supplier<T> action, T onConflict) {
    try {
      return action.get();
    } catch (org.camunda.bpm.engine.TaskAlreadyClaimedException | org.camunda.bpm.engine.OptimisticLockingException e) {
      return onConflict;
    }
  }

  public Outcome unclaim(String taskId, Clerk clerk) {
    return transactions.execute(tx -> {
      Optional<QueueItem> item = find(taskId, clerk);
      if (item.isEmpty()) {
        return Outcome.NOT_FOUND;
      }
      if (!clerk.id().equals(item.get().task().getAssignee())) {
        return Outcome.CONFLICT;
      }
      taskService.setAssignee(taskId, null);
      auditTask(item.get(), clerk, "TASK_RETURNED");
      return Outcome.DONE;
    });
  }

  /** Validates against the task's own form; completes if valid and not someone else's task. */
  public Completion complete(String taskId, Clerk clerk, FormSubmissions.FormInput input, Locale locale) {
    Optional<QueueItem> found = find(taskId, clerk);
    if (found.isEmpty()) {
      return new Completion(Outcome.NOT_FOUND, Map.of());
    }
    Task task = found.get().task();
    if (task.getAssignee() != null && !clerk.id().equals(task.getAssignee())) {
      return new Completion(Outcome.CONFLICT, Map.of());
    }
    ValidationResult result = submissions.validate(form(task), input, Map.of(), locale);
    if (!result.valid()) {
      return new Completion(Outcome.INVALID, result.errors());
    }
    return raceSafe(() -> transactions.execute(tx -> {
      // re-read inside the transaction: another clerk may have been quicker
      Task current = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (current == null || current.getAssignee() != null && !clerk.id().equals(current.getAssignee())) {
        return new Completion(Outcome.CONFLICT, Map.of());
      }
      if (current.getAssignee() == null) {
        taskService.claim(taskId, clerk.id());
      }
      auditTask(found.get(), clerk, "TASK_COMPLETED");
      taskService.complete(taskId, ProcessVariables.from(result.data()));
      return new Completion(Outcome.DONE, Map.of());
    }), new Completion(Outcome.CONFLICT, Map.of()));
  }

  private void auditTask(QueueItem item, Clerk clerk, String action) {
    Long caseId = item.caseRecord() == null ? null : item.caseRecord().id();
    audit.record(caseId, clerk.id(), action, item.task().getName() + " (" + item.task().getTaskDefinitionKey() + ")");
  }
}

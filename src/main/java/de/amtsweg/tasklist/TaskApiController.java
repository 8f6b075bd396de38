package de.amtsweg.tasklist;

import de.amtsweg.cases.FormSubmissions;
import de.amtsweg.security.Clerk;
import de.amtsweg.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the task list: the caller's queue, claiming, completing with the task form's data. */
@RestController
@RequestMapping("/api/tasks")
public class TaskApiController {

  private final TaskWork work;
  private final FormSubmissions submissions;

  public TaskApiController(TaskWork work, FormSubmissions submissions) {
    this.work = work;
    this.submissions = submissions;
  }


  /** The caller's queue: tasks of all their offices, or of one ({@code ?group=parking-office}). */
  @GetMapping
  public List<Map<String, Object>> queue(@RequestParam(name = "group", required = false) String group,
      Authentication auth) {
    return work.queue(CurrentUser.requireClerk(auth), group).stream().map(TaskApiController::json).toList();
  }

  static Map<String, Object> json(TaskWork.QueueItem item) {
    Task t = item.task();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.getId());
    m.put("name", t.getName());
    m.put("taskDefinitionKey", t.getTaskDefinitionKey());
    m.put("created", t.getCreateTime().toInstant().toString());
    m.put("assignee", t.getAssignee());
    if (item.caseRecord() != null) {
      m.put("caseNumber", item.caseRecord().caseNumber());
    }
    return m;
  }

  @PostMapping("/{taskId}/claim")
  public ResponseEntity<Map<String, Object>> claim(@PathVariable String taskId, Authentication auth) {
    return switch (work.claim(taskId, CurrentUser.requireClerk(auth))) {
      case DONE -> ResponseEntity.ok(Map.of("claimed", taskId));
      case CONFLICT -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "claimed by someone else"));
      default -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such task"));
    };
  }

  @PostMapping("/{taskId}/complete")
  public ResponseEntity<Map<String, Object>> complete(@PathVariable String taskId,
      @RequestBody Map<String, Object> body, Authentication auth, Locale locale) {
    Clerk clerk = CurrentUser.requireClerk(auth);
    TaskWork.QueueItem item = work.find(taskId, clerk).orElse(null);
    if (item == null) {
      return work.finishedInOfficeOf(taskId, clerk)
          ? ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "task is already completed"))
          : ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such task"));
    }
    FormSubmissions.FormInput input = submissions.fromJson(work.form(item.task()), body, locale);
    TaskWork.Completion completion = work.complete(taskId, clerk, input, locale);
    return switch (completion.outcome()) {
      case DONE -> ResponseEntity.noContent().build();
      case INVALID -> ResponseEntity.badRequest().body(Map.of("errors", completion.errors()));
      case CONFLICT -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "claimed by someone else"));
      case NOT_FOUND -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "task is already completed"));
    };
  }
}

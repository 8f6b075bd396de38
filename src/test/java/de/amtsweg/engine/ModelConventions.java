package de.amtsweg.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;

/**
 * The house rules for models in {@code processes/}, as a checker that names file and element for
 * every violation. Used by {@link ModelConventionsTest} against the real models and against broken ones.
 */
final class ModelConventions {

  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

  private final Path formsDir;
  private final Predicate<String> beanExists;
  private final Predicate<String> callsOutside;

  ModelConventions(Path formsDir, Predicate<String> beanExists, Predicate<String> callsOutside) {
    this.formsDir = formsDir;
    this.beanExists = beanExists;
    this.callsOutside = callsOutside;
  }

  List<String> check(Path processesDir) {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.list(processesDir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        violations.addAll(check(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return violations;
  }

  List<String> check(String file, BpmnModelInstance model) {
    List<String> v = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        v.add(at(file, process) + ": process without historyTimeToLive");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (blank(task.getCamundaCandidateGroups())) {
        v.add(at(file, task) + ": user task without candidate groups");
      }
      checkFormRef(file, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), v, true);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkFormRef(file, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), v, false);
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      Optional<String> bean = bean(task.getCamundaDelegateExpression());
      if (task.getCamundaDelegateExpression() == null) {
        v.add(at(file, task) + ": service task without a delegate expression (use ${beanName})");
      } else if (bean.isEmpty()) {
        v.add(at(file, task) + ": delegate expression '" + task.getCamundaDelegateExpression()
            + "' is not a plain ${beanName}");
      } else if (!beanExists.test(bean.get())) {
        v.add(at(file, task) + ": no bean '" + bean.get() + "' for delegate expression");
      } else if (callsOutside.test(bean.get())) {
        if (!task.isCamundaAsyncBefore()) {
          v.add(at(file, task) + ": '" + bean.get() + "' calls an outside system but the task is not asyncBefore");
        }
        boolean retry = task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
            .filterByType(CamundaFailedJobRetryTimeCycle.class).count() > 0;
        if (!retry) {
          v.add(at(file, task) + ": '" + bean.get() + "' calls an outside system but has no retry time cycle");
        }
      }
      if (task.getCamundaClass() != null) {
        v.add(at(file, task) + ": camunda:class is not allowed, use a delegate expression");
      }
    }
    return v;
  }

  private void checkFormRef(String file, BaseElement element, String formRef, String binding, List<String> v,
      boolean mandatory) {
    if (blank(formRef)) {
      if (mandatory) {
        v.add(at(file, element) + ": user task without formRef");
      }
      return;
    }
    if (!"deployment".equals(binding)) {
      v.add(at(file, element) + ": formRef '" + formRef + "' must have binding 'deployment' (is "
          + (binding == null ? "latest" : binding) + ")");
    }
    if (!Files.exists(formsDir.resolve(formRef + ".form"))) {
      v.add(at(file, element) + ": formRef '" + formRef + "' but there is no forms/" + formRef + ".form");
    }
  }

  static Optional<String> bean(String expression) {
    if (expression == null) {
      return Optional.empty();
    }
    Matcher m = BEAN_EXPRESSION.matcher(expression.trim());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static String at(String file, BaseElement element) {
    return file + " / " + element.getId();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

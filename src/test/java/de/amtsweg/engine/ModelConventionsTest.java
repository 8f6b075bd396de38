package de.amtsweg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.blocks.OutsideCall;
import de.amtsweg.testsupport.AmtswegSpringTest;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every model in processes/ follows the conventions of DESIGN.md; the checker itself catches each breach. */
@AmtswegSpringTest
class ModelConventionsTest {

  @Autowired ApplicationContext context;

  ModelConventions conventions() {
    return new ModelConventions(Path.of("forms"), context::containsBean,
        bean -> AopUtils.getTargetClass(context.getBean(bean)).isAnnotationPresent(OutsideCall.class));
  }

  @Test
  void allShippedModelsFollowTheConventions() {
    assertThat(conventions().check(Path.of("processes"))).as("convention violations").isEmpty();
  }

  @Test
  void checkerNamesFileAndElementForEveryBreach() {
    BpmnModelInstance bad = Bpmn.createExecutableProcess("badProcess").camundaHistoryTimeToLiveString(null)
        .startEvent("StartEvent_Start")
        .userTask("UserTask_NoGroups").camundaFormRef("no-such-form")
        .userTask("UserTask_NoForm").camundaCandidateGroups("parking-office")
        .serviceTask("ServiceTask_UnknownBean").camundaDelegateExpression("${noSuchBean}")
        .serviceTask("ServiceTask_SyncRegister").camundaDelegateExpression("${lookUpRegister}")
        .endEvent()
        .done();

    List<String> violations = conventions().check("bad.bpmn", bad);

    assertThat(violations).containsExactlyInAnyOrder(
        "bad.bpmn / badProcess: process without historyTimeToLive",
        "bad.bpmn / UserTask_NoGroups: user task without candidate groups",
        "bad.bpmn / UserTask_NoGroups: formRef 'no-such-form' must have binding 'deployment' (is latest)",
        "bad.bpmn / UserTask_NoGroups: formRef 'no-such-form' but there is no forms/no-such-form.form",
        "bad.bpmn / UserTask_NoForm: user task without formRef",
        "bad.bpmn / ServiceTask_UnknownBean: no bean 'noSuchBean' for delegate expression",
        "bad.bpmn / ServiceTask_SyncRegister: 'lookUpRegister' calls an outside system but the task is not asyncBefore",
        "bad.bpmn / ServiceTask_SyncRegister: 'lookUpRegister' calls an outside system but has no retry time cycle");
  }
}

package de.amtsweg.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: every BPMN element with the extension property {@code citizenStatus} (and optional
 * {@code citizenStatus_en}) records a timeline entry when it starts; every process end closes its case.
 */
@Component
public class CaseLifecyclePlugin extends AbstractProcessEnginePlugin {

  public static final String STATUS_PROPERTY = "citizenStatus";
  public static final String STATUS_PROPERTY_EN = "citizenStatus_en";

  private final CaseTimeline timeline;

  public CaseLifecyclePlugin(CaseTimeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new ParseListener());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Reads {@code camunda:properties} of an element as name → value. */
  static Map<String, String> properties(Element element) {
    Map<String, String> result = new HashMap<>();
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return result;
    }
    Element properties = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return result;
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      result.put(property.attribute("name"), property.attribute("value"));
    }
    return result;
  }

  private final class ParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity definition) {
      definition.addListener(ExecutionListener.EVENTNAME_END,
          (ExecutionListener) execution -> timeline.processEnded(execution));
    }

    private void milestone(Element element, ActivityImpl activity) {
      Map<String, String> props = properties(element);
      String status = props.get(STATUS_PROPERTY);
      if (status != null && !status.isBlank()) {
        String statusEn = props.get(STATUS_PROPERTY_EN);
        activity.addListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) execution -> timeline.milestone(execution, status, statusEn));
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseManualTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }

    @Override
    public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
      milestone(element, activity);
    }
  }
}

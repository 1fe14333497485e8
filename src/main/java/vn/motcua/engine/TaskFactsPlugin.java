package vn.motcua.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link TaskFactsListener} to the create event, and {@link EngineOwnedShadowListener},
 * {@link PapersListener}, {@link OpinionListener} then {@link StepEndListener} to the complete event, of every user
 * task of every process. Built-in listeners run before those the BPMN declares (the decision check). And gives the engine
 * the form service that adds the dossier panel to a task's form ({@link DossierPanelFormService}).
 */
@Component
class TaskFactsPlugin extends AbstractProcessEnginePlugin {

    private final TaskFactsListener listener;
    private final StepEndListener stepEnd;
    private final EngineOwnedShadowListener shadows;
    private final PapersListener papers;
    private final OpinionListener opinions;
    private final DossierPanels panels;

    TaskFactsPlugin(@Lazy TaskFactsListener listener, @Lazy StepEndListener stepEnd,
            @Lazy EngineOwnedShadowListener shadows, @Lazy PapersListener papers, @Lazy OpinionListener opinions,
            @Lazy DossierPanels panels) {
        this.listener = listener;
        this.stepEnd = stepEnd;
        this.shadows = shadows;
        this.papers = papers;
        this.opinions = opinions;
        this.panels = panels;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFormService(new DossierPanelFormService(panels));
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPreBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, shadows);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, papers);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, opinions);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, stepEnd);
            }
        });
    }
}

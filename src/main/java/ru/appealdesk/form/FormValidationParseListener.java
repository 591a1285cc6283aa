package ru.appealdesk.form;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts the form validator on every user task that has a Camunda Form ({@code camunda:formRef}, any binding), whatever
 * its id: a task added or renamed in Modeler is validated without Java. The validator is a built-in {@code complete}
 * listener, so it runs before the listeners the model declares (business checks a form cannot express stay there, as
 * named listeners). The form handlers of such tasks and of a start event with a Camunda Form are wrapped by
 * {@link SubmittedFormGuard}.
 */
final class FormValidationParseListener extends AbstractBpmnParseListener {

  private final FormCatalog forms;
  private final FormRules rules;
  private final TaskListener validator;

  FormValidationParseListener(FormCatalog forms, FormRules rules) {
    this.forms = forms;
    this.rules = rules;
    this.validator = new FormValidationListener(forms, rules);
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
      return;
    }
    TaskDefinition task = behavior.getTaskDefinition();
    if (task.getCamundaFormDefinitionKey() == null) {
      return;
    }
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, validator);
    task.setTaskFormHandler(new SubmittedFormGuard.Task(task.getTaskFormHandler(), forms, rules));
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    if (processDefinition.getStartFormDefinition() == null
        || processDefinition.getStartFormDefinition().getCamundaFormDefinitionKey() == null
        || processDefinition.getStartFormHandler() == null) {
      return;
    }
    processDefinition.setStartFormHandler(
        new SubmittedFormGuard.Start(processDefinition.getStartFormHandler(), forms, rules));
  }
}

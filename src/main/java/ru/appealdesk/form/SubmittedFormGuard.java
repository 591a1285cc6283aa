package ru.appealdesk.form;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Form submissions ({@code FormService.submitTaskForm}/{@code submitStartForm}, i.e. Tasklist and the REST
 * {@code submit-form} calls) as a form handler sees them, before their variables reach the process: what a
 * submission sends for read-only or disabled fields is dropped (display fields are not input, and Tasklist echoes them
 * back — a date shown in a read-only text field would come back as a string). A start form is also validated here,
 * right after its variables are set and before the process starts: a start event has no task listener to hang the
 * check on, and an instance started by the API without the form is not a form submission. Wraps the engine's own
 * form handler (the documented {@code camunda:formHandlerClass} extension point), installed by
 * {@link FormValidationParseListener}.
 */
final class SubmittedFormGuard {

  private SubmittedFormGuard() {}

  /** The submission without its display fields (fields read-only or disabled before or after it). */
  static VariableMap withoutDisplayFields(FormRules rules, FormSchema form, VariableMap submitted,
      Map<String, ?> before) {
    Map<String, Object> after = FormValues.plain(before);
    after.putAll(FormValues.plain(submitted));
    Set<String> display = rules.displayFields(form, before);
    display.addAll(rules.displayFields(form, after));
    if (display.stream().noneMatch(submitted::containsKey)) {
      return submitted;
    }
    VariableMap kept = Variables.createVariables();
    submitted.keySet().stream().filter(k -> !display.contains(k))
        .forEach(k -> kept.putValueTyped(k, submitted.getValueTyped(k)));
    return kept;
  }

  /** Around a user task's form handler. */
  static final class Task implements TaskFormHandler {

    private final TaskFormHandler delegate;
    private final FormCatalog forms;
    private final FormRules rules;

    Task(TaskFormHandler delegate, FormCatalog forms, FormRules rules) {
      this.delegate = delegate;
      this.forms = forms;
      this.rules = rules;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return delegate.createTaskForm(task);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      VariableMap kept = properties;
      if (scope instanceof DelegateTask task) {
        Optional<FormSchema> form = AsSystem.call(() -> forms.forTask(task));
        if (form.isPresent()) {
          kept = withoutDisplayFields(rules, form.get(), properties, FormValues.of(task));
        }
      }
      delegate.submitFormVariables(kept, scope);
    }
  }

  /** Around a process definition's start form handler. */
  static final class Start implements StartFormHandler {

    private final StartFormHandler delegate;
    private final FormCatalog forms;
    private final FormRules rules;

    Start(StartFormHandler delegate, FormCatalog forms, FormRules rules) {
      this.delegate = delegate;
      this.forms = forms;
      this.rules = rules;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
      return delegate.createStartFormData(processDefinition);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      if (!(scope instanceof DelegateExecution instance)) {
        delegate.submitFormVariables(properties, scope);
        return;
      }
      Optional<FormSchema> form = AsSystem.call(() -> forms.forStartForm(instance.getProcessEngineServices(),
          instance.getProcessDefinitionId()));
      if (form.isEmpty()) {
        delegate.submitFormVariables(properties, scope);
        return;
      }
      delegate.submitFormVariables(withoutDisplayFields(rules, form.get(), properties, Map.of()), scope);
      List<FieldProblem> problems = rules.check(form.get(), FormValues.of(scope));
      if (!problems.isEmpty()) {
        throw new FormRefusedException(form.get().id(), problems);
      }
    }
  }
}

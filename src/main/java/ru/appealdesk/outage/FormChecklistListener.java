package ru.appealdesk.outage;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.appealdesk.form.TaskForms;

/**
 * {@code ${formChecklist}} (task listener on {@code complete}) of the playbook's checklist tasks. What the checklist
 * form demands (ticked items, lengths, limits, conditions) is enforced by the server-side form validator from the form
 * deployed with the diagram, before this listener runs; this listener only stores a checkbox left out of the submission
 * (engine REST) as {@code false}, so gateways and the report read "not ticked" rather than nothing.
 */
@Component("formChecklist")
class FormChecklistListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    for (String key : TaskForms.checkboxes(task)) {
      if (task.getVariable(key) == null) {
        task.setVariable(key, false);
      }
    }
  }
}

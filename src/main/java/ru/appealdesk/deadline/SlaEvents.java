package ru.appealdesk.deadline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Reads the contract's local input parameters {@code slaStep}, {@code slaGroup}, {@code slaDueAt} of a delegate. */
final class SlaEvents {

  private SlaEvents() {}

  static SlaEvent of(DelegateExecution execution) {
    String step = string(execution.getVariableLocal("slaStep"));
    if (step == null) {
      throw new IllegalStateException("Input parameter slaStep is missing on " + execution.getCurrentActivityId());
    }
    Object due = execution.getVariableLocal("slaDueAt");
    if (!(due instanceof Date dueAt)) {
      throw new IllegalStateException("Input parameter slaDueAt must be a Date on " + execution.getCurrentActivityId()
          + ", was " + due);
    }
    String caseNumber = execution.getProcessBusinessKey();
    if (caseNumber == null) {
      caseNumber = string(execution.getVariable("appealNumber"));
    }
    if (caseNumber == null) {
      caseNumber = execution.getProcessInstanceId();
    }
    return new SlaEvent(caseNumber, execution.getProcessInstanceId(), step, stepName(execution, step),
        string(execution.getVariableLocal("slaGroup")), dueAt.toInstant(), DeadlineService.jurisdiction(execution));
  }

  private static String stepName(DelegateExecution execution, String step) {
    ModelElementInstance element = execution.getBpmnModelInstance().getModelElementById(step);
    return element instanceof FlowElement f ? f.getName() : null;
  }

  private static String string(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}

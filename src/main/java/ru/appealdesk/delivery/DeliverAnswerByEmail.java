package ru.appealdesk.delivery;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * {@code ${deliverAnswerByEmail}}: sends the answer of {@code appeal-handling} by e-mail. Put it behind
 * {@code camunda:asyncBefore} with {@code camunda:failedJobRetryTimeCycle="R5/PT5M"}: a failure retries, then becomes an
 * incident naming the appeal. Sets {@code deliveredAt} and {@code deliveryProof}.
 *
 * <p>Who signs the answer: the user id in {@link #SIGNED_BY} (set by the approval, which is also the signature), or in
 * {@link #SIGNATORY} when a diagram sets it, else the employee who completed the last approval of the answer, else the
 * one who last prepared it.
 */
@Component("deliverAnswerByEmail")
class DeliverAnswerByEmail implements JavaDelegate {

  /** Process variable: the Camunda user id of whoever signed the answer. */
  static final String SIGNATORY = "answerSignatory";
  /** Process variable written by {@code ${recordApproval}}: the approver who said yes signs the answer. */
  static final String SIGNED_BY = "answerSignedBy";
  /** The steps whose assignee signs the answer when {@link #SIGNATORY} is not set, the strongest first. */
  static final List<List<String>> SIGNING_STEPS = List.of(List.of("Task_ApproveAnswer"),
      List.of("Task_PrepareAnswer", "Task_ReviseAnswer", "Task_PrepareRefusal"));

  private final EmailAnswerDelivery delivery;

  DeliverAnswerByEmail(EmailAnswerDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AnswerEmail answer = new AnswerEmail(
        (String) execution.getVariable("appealNumber"),
        (String) execution.getVariable("appealType"),
        (String) execution.getVariable("language"),
        (String) execution.getVariable("clientEmail"),
        (String) execution.getVariable("clientFullName"),
        (String) execution.getVariable("answerText"),
        (String) execution.getVariable("jurisdiction"),
        execution.getVariable(ClaimAmount.VARIABLE),
        signatory(execution));
    Delivery d = delivery.deliver(answer, execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    execution.setVariable("deliveredAt", Date.from(d.deliveredAt()));
    execution.setVariable("deliveryProof", d.proof());
  }

  private static String signatory(DelegateExecution execution) {
    for (String variable : List.of(SIGNED_BY, SIGNATORY)) {
      if (execution.getVariable(variable) instanceof String s && !s.isBlank()) {
        return s.strip();
      }
    }
    var history = execution.getProcessEngineServices().getHistoryService();
    for (List<String> steps : SIGNING_STEPS) {
      String assignee = history.createHistoricTaskInstanceQuery()
          .processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKeyIn(steps.toArray(String[]::new))
          .finished().taskAssigned()
          .orderByHistoricTaskInstanceEndTime().desc()
          .listPage(0, 1).stream().map(HistoricTaskInstance::getAssignee).findFirst().orElse(null);
      if (assignee != null) {
        return assignee;
      }
    }
    return null;
  }
}

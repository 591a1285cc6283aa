package ru.appealdesk.delivery;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${deliverAnswerByEmail}}: sends the answer of {@code appeal-handling} by e-mail. Put it behind
 * {@code camunda:asyncBefore} with {@code camunda:failedJobRetryTimeCycle="R5/PT5M"}: a failure retries, then becomes an
 * incident naming the appeal. Sets {@code deliveredAt} and {@code deliveryProof}.
 */
@Component("deliverAnswerByEmail")
class DeliverAnswerByEmail implements JavaDelegate {

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
        (String) execution.getVariable("answerText"));
    Delivery d = delivery.deliver(answer, execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    execution.setVariable("deliveredAt", Date.from(d.deliveredAt()));
    execution.setVariable("deliveryProof", d.proof());
  }
}

package ru.appealdesk.appeal;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.appealdesk.deadline.CaseClock;
import ru.appealdesk.deadline.DeadlineTexts;
import ru.appealdesk.mail.MailOutbox;

/**
 * What the client is told about the answer deadline (SPEC §5a: the applicant is told of the extension; KZ ¶58: the
 * answer follows the information, the client is told the new date), in the appeal's language, through the mail
 * outbox. No e-mail address: nothing is sent (the status page shows the date).
 */
@Component
class ClientDeadlineNotices {

  private final MailOutbox outbox;

  ClientDeadlineNotices(MailOutbox outbox) {
    this.outbox = outbox;
  }

  /** RU 442-FZ: the ceiling was extended because documents were requested. */
  void ceilingExtended(DelegateExecution execution, CaseClock c) {
    String to = (String) execution.getVariable(AppealVariables.CLIENT_EMAIL);
    if (to == null || to.isBlank()) {
      return;
    }
    String date = DeadlineTexts.date(c.legalDeadlineAt(), c.jurisdiction());
    outbox.enqueue(c.caseNumber(), "DEADLINE_EXTENDED", List.of(to),
        "Обращение " + c.caseNumber() + ": срок рассмотрения продлён",
        "Здравствуйте!\n\nДля рассмотрения Вашего обращения № " + c.caseNumber() + " мы запросили дополнительные "
            + "документы. В связи с этим срок рассмотрения продлён (ст. 6 Федерального закона № 442-ФЗ) и истекает не "
            + "позднее " + date + ". Срок ответа приостановлен до получения документов.\n\nС уважением, служба по работе "
            + "с обращениями");
  }

  /** KZ ¶58: the new answer date after the information arrived or the wait ended. */
  void newDeadline(DelegateExecution execution, CaseClock c) {
    String to = (String) execution.getVariable(AppealVariables.CLIENT_EMAIL);
    if (to == null || to.isBlank()) {
      return;
    }
    String date = DeadlineTexts.date(c.dueAt(), c.jurisdiction());
    boolean kk = "kk".equals(execution.getVariable(AppealVariables.LANGUAGE));
    outbox.enqueue(c.caseNumber(), "DEADLINE_MOVED", List.of(to),
        kk ? "№ " + c.caseNumber() + " өтініш: жауап беру мерзімі" : "Обращение " + c.caseNumber() + ": срок ответа",
        kk ? "Сәлеметсіз бе!\n\n№ " + c.caseNumber() + " өтінішіңіз бойынша жауап " + date
            + " дейін беріледі (қосымша ақпаратты ұсыну мерзімі ескерілді).\n\nҚұрметпен, өтініштермен жұмыс қызметі"
            : "Здравствуйте!\n\nОтвет на Ваше обращение № " + c.caseNumber() + " будет дан не позднее " + date
            + " (с учётом срока предоставления дополнительной информации).\n\nС уважением, служба по работе с обращениями");
  }
}

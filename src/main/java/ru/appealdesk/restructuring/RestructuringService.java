package ru.appealdesk.restructuring;

import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.casefile.CaseDocument;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.casefile.DocumentKind;
import ru.appealdesk.deadline.SlaBreaches;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.ConflictException;
import ru.appealdesk.platform.NotFoundException;
import ru.appealdesk.restructuring.RestructuringProcess.ClientResponse;

/** KZ restructuring cases: intake, the borrower's messages into the running process, and the case view. */
@Service
public class RestructuringService {

  private final RestructuringCases cases;
  private final RuntimeService runtime;
  private final CaseFile caseFile;
  private final SlaBreaches slaBreaches;

  RestructuringService(RestructuringCases cases, RuntimeService runtime, CaseFile caseFile, SlaBreaches slaBreaches) {
    this.slaBreaches = slaBreaches;
    this.cases = cases;
    this.runtime = runtime;
    this.caseFile = caseFile;
  }

  /** {@code POST /api/restructurings}: checks the application and starts {@code kz-restructuring}; returns the number. */
  @Transactional
  public String apply(RestructuringApplication application) {
    ApplicationCheck.require(application);
    String number = cases.nextNumber(application.receivedAt().atZoneSameInstant(Vars.ALMATY).getYear());
    runtime.startProcessInstanceByKey(RestructuringProcess.KEY, number, ApplicationVariables.of(application));
    return number;
  }

  /** Called by the first service task for both the API and the Tasklist start form. */
  @Transactional
  String register(RestructuringApplication application, String businessKey, String processInstanceId) {
    ApplicationCheck.require(application);
    String number = businessKey == null || businessKey.isBlank()
        ? cases.nextNumber(application.receivedAt().atZoneSameInstant(Vars.ALMATY).getYear())
        : businessKey;
    BigDecimal drop = IncomeDrop.percent(application.monthlyIncome());
    cases.insert(number, processInstanceId, application, String.join(",", application.requestedOptions()), drop, now());
    return number;
  }

  public Map<String, Object> view(String number) {
    Map<String, Object> row = cases.find(number)
        .orElseThrow(() -> new NotFoundException("Заявление о реструктуризации " + number + " не найдено"));
    return RestructuringView.of(row, slaBreaches.forCase(number), caseFile.list(number));
  }

  /**
   * Files an attachment in the shared case file (keyed by the case number). While the case waits for requested documents, an upload marked as the requested documents
   * resumes consideration (message {@code DocumentsReceived}) and restarts the 15-day decision clock.
   */
  @Transactional
  public Map<String, Object> addDocument(String number, String fileName, String contentType, byte[] content,
      boolean requestedDocuments, String user) {
    requireCase(number);
    Date now = now();
    CaseDocument stored = caseFile.upload(number, DocumentKind.ATTACHMENT, fileName, contentType, content, user);
    boolean resumed = false;
    if (requestedDocuments && waitsFor(number, RestructuringProcess.MSG_DOCUMENTS_RECEIVED)) {
      runtime.createMessageCorrelation(RestructuringProcess.MSG_DOCUMENTS_RECEIVED)
          .processInstanceBusinessKey(number)
          .setVariable("documentsReceivedAt", now)
          .correlateWithResult();
      resumed = true;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", stored.id());
    out.put("fileName", stored.fileName());
    out.put("sha256", stored.sha256());
    out.put("sizeBytes", stored.sizeBytes());
    out.put("documentsReceived", resumed);
    return out;
  }

  /** The borrower's answer to a counter-proposal (message {@code ClientResponded}). */
  @Transactional
  public void clientResponded(String number, ClientResponse response, String comment) {
    requireCase(number);
    if (response == null) {
      throw new BadRequestException("response", "укажите ответ клиента: ACCEPT, REJECT или COUNTER");
    }
    if (response == ClientResponse.COUNTER && (comment == null || comment.isBlank())) {
      throw new BadRequestException("comment", "опишите встречные условия клиента");
    }
    correlate(number, RestructuringProcess.MSG_CLIENT_RESPONDED,
        Variables.createVariables().putValue("clientResponse", response.name())
            .putValue("clientResponseComment", comment).putValue("clientRespondedAt", now()),
        "Дело не ожидает ответа клиента на встречное предложение");
  }

  /** Both sides agreed to extend the 30-day window (¶76); allowed once. */
  @Transactional
  public void extendResponseWindow(String number, int days, String comment) {
    requireCase(number);
    if (days < 1 || days > 90) {
      throw new BadRequestException("days", "продление от 1 до 90 календарных дней");
    }
    if (comment == null || comment.isBlank()) {
      throw new BadRequestException("comment", "укажите, как получено согласие сторон на продление");
    }
    Object used = runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId(number))
        .variableName("responseWindowExtended").list().stream().findFirst().map(v -> v.getValue()).orElse(false);
    if (Boolean.TRUE.equals(used)) {
      throw new ConflictException("Срок для взаимоприемлемого решения уже продлевался: продлить можно один раз");
    }
    correlate(number, RestructuringProcess.MSG_RESPONSE_WINDOW_EXTENDED,
        Variables.createVariables().putValue("extensionDays", days).putValue("extensionComment", comment),
        "Дело не ожидает ответа клиента на встречное предложение");
  }

  /** The borrower told the company that they turned to the microfinance ombudsman (¶73). */
  @Transactional
  public void ombudsmanNotified(String number, Date notifiedAt, String comment) {
    requireCase(number);
    correlate(number, RestructuringProcess.MSG_OMBUDSMAN_NOTIFIED,
        Variables.createVariables().putValue("ombudsmanNotifiedAt", notifiedAt == null ? now() : notifiedAt)
            .putValue("ombudsmanNoticeComment", comment),
        "Дело не ожидает уведомления об обращении к омбудсману (нет отказа или истек 15-дневный срок)");
  }

  private void correlate(String number, String message, Map<String, Object> variables, String notWaiting) {
    if (!waitsFor(number, message)) {
      throw new ConflictException(notWaiting);
    }
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(number).setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException(notWaiting);
    }
  }

  private boolean waitsFor(String number, String message) {
    return runtime.createExecutionQuery().processDefinitionKey(RestructuringProcess.KEY)
        .processInstanceBusinessKey(number).messageEventSubscriptionName(message).count() > 0;
  }

  private String processInstanceId(String number) {
    List<org.camunda.bpm.engine.runtime.ProcessInstance> pis = runtime.createProcessInstanceQuery()
        .processDefinitionKey(RestructuringProcess.KEY).processInstanceBusinessKey(number).list();
    if (pis.isEmpty()) {
      throw new ConflictException("Дело " + number + " закрыто");
    }
    return pis.get(0).getId();
  }

  private void requireCase(String number) {
    if (cases.find(number).isEmpty()) {
      throw new NotFoundException("Заявление о реструктуризации " + number + " не найдено");
    }
  }

  static Date now() {
    return ClockUtil.getCurrentTime();
  }
}

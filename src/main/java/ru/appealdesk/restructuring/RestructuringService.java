package ru.appealdesk.restructuring;

import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** Where a mutually acceptable decision is still being sought (¶76): the window may be extended by consent. */
  private static final Set<String> NEGOTIATION = Set.of("AWAITING_CLIENT_RESPONSE", "DECISION_PREPARATION",
      "DECISION_APPROVAL", "DECISION_DELIVERY");

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
  String register(RestructuringApplication application, IntakeGaps gaps, String businessKey,
      String processInstanceId) {
    ApplicationCheck.require(application);
    String number = businessKey == null || businessKey.isBlank()
        ? cases.nextNumber(application.receivedAt().atZoneSameInstant(Vars.ALMATY).getYear())
        : businessKey;
    BigDecimal drop = IncomeDrop.percentIfComplete(application.incomeByMonth());
    cases.insert(number, processInstanceId, application, String.join(",", application.options()), drop,
        gaps.codesCsv(), now());
    return number;
  }

  public Map<String, Object> view(String number) {
    Map<String, Object> row = cases.find(number)
        .orElseThrow(() -> new NotFoundException("Заявление о реструктуризации " + number + " не найдено"));
    return RestructuringView.of(row, cases.extensions(number), slaBreaches.forCase(number), caseFile.list(number));
  }

  /**
   * Files an attachment in the shared case file (keyed by the case number). While consideration is suspended until the
   * requested documents come (¶75, second numbering), an upload marked as the requested documents resumes it (message
   * {@code DocumentsReceived}) and restarts the 15-day decision clock (¶68).
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

  /** An extension of the ¶76 window both sides agreed to: how long, and how each side consented. */
  public record Extension(Integer days, String clientConsent, Date clientConsentAt, String companyConsent,
      String comment) {}

  /**
   * Both sides agreed to extend the 30-day window (¶76: "может быть продлен при наличии согласия обеих сторон", no
   * limit on how often). Possible while a mutually acceptable decision is sought: after the client received the first
   * decision and until the case is agreed or refused. Each extension is recorded with the consent of both sides.
   */
  @Transactional
  public void extendResponseWindow(String number, Extension e, String user) {
    Map<String, Object> row = requireCase(number);
    if (e.days() == null) {
      throw new BadRequestException("days", "укажите, на сколько календарных дней продлить срок");
    }
    if (e.days() < 1 || e.days() > 90) {
      throw new BadRequestException("days", "одно продление — от 1 до 90 календарных дней (продлевать можно "
          + "несколько раз)");
    }
    String clientConsent = blank(e.clientConsent()) ? e.comment() : e.clientConsent();
    if (blank(clientConsent)) {
      throw new BadRequestException("clientConsent", "укажите, как получено согласие клиента на продление "
          + "(заявление, письмо, звонок с записью)");
    }
    Date consentAt = e.clientConsentAt() == null ? now() : e.clientConsentAt();
    if (consentAt.after(new Date(now().getTime() + 24L * 3600 * 1000))) {
      throw new BadRequestException("clientConsentAt", "дата согласия клиента не может быть в будущем");
    }
    if (row.get("response_due_at") == null || !NEGOTIATION.contains(String.valueOf(row.get("status")))
        || !waitsFor(number, RestructuringProcess.MSG_RESPONSE_WINDOW_EXTENDED)) {
      throw new ConflictException("Срок для взаимоприемлемого решения не идет: клиент еще не получил решение по "
          + "заявлению, или дело уже завершено согласием или отказом");
    }
    correlate(number, RestructuringProcess.MSG_RESPONSE_WINDOW_EXTENDED, Variables.createVariables()
            .putValue("extensionDays", e.days()).putValue("extensionClientConsent", clientConsent.strip())
            .putValue("extensionClientConsentAt", consentAt).putValue("extensionCompanyConsentBy", user)
            .putValue("extensionCompanyConsent", blank(e.companyConsent()) ? null : e.companyConsent().strip())
            .putValue("extensionComment", blank(e.comment()) ? null : e.comment().strip()),
        "Срок для взаимоприемлемого решения не идет");
  }

  /**
   * The borrower told the company that they turned to the microfinance ombudsman (¶73). Within the 15 days the
   * running case opens its ombudsman case; a notice after them is recorded all the same, marked late (the ombudsman
   * decides whether to consider it; the company follows and tracks the decision, ¶78).
   */
  @Transactional
  public void ombudsmanNotified(String number, Date notifiedAt, String comment) {
    Map<String, Object> row = requireCase(number);
    Date at = notifiedAt == null ? now() : notifiedAt;
    if (at.after(new Date(now().getTime() + 24L * 3600 * 1000))) {
      throw new BadRequestException("notifiedAt", "дата уведомления не может быть в будущем");
    }
    Object due = row.get("ombudsman_due_at");
    boolean late = due instanceof java.sql.Timestamp t && at.after(t);
    Map<String, Object> variables = Variables.createVariables().putValue("ombudsmanNotifiedAt", at)
        .putValue("ombudsmanNoticeComment", comment).putValue("ombudsmanNoticeLate", late);
    if (waitsFor(number, RestructuringProcess.MSG_OMBUDSMAN_NOTIFIED)) {
      correlate(number, RestructuringProcess.MSG_OMBUDSMAN_NOTIFIED, variables,
          "Дело не ожидает уведомления об обращении к омбудсману");
      return;
    }
    String status = String.valueOf(row.get("status"));
    if (!"CLOSED_REFUSED".equals(status) || row.get("ombudsman_notified_at") != null || running(number)) {
      throw new ConflictException(switch (status) {
        case "OMBUDSMAN_CASE", "OMBUDSMAN_DECISION_EXECUTION", "CLOSED_OMBUDSMAN" ->
            "Обращение к омбудсману по этому делу уже зафиксировано";
        case "REFUSED_BY_OPERATION_OF_76" -> "Сначала зафиксируйте, когда клиент получил уведомление об отказе по п. 76";
        default -> "По делу нет отказа в изменении условий договора: обращение к омбудсману фиксируется после отказа";
      });
    }
    variables.put("ombudsmanNoticeLate", true);
    runtime.createMessageCorrelation(RestructuringProcess.MSG_LATE_OMBUDSMAN_NOTICE).processInstanceBusinessKey(number)
        .setVariables(variables).correlateStartMessage();
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

  private boolean running(String number) {
    List<?> pis = runtime.createProcessInstanceQuery().processDefinitionKey(RestructuringProcess.KEY)
        .processInstanceBusinessKey(number).list();
    return !pis.isEmpty();
  }

  private Map<String, Object> requireCase(String number) {
    return cases.find(number)
        .orElseThrow(() -> new NotFoundException("Заявление о реструктуризации " + number + " не найдено"));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static Date now() {
    return ClockUtil.getCurrentTime();
  }
}

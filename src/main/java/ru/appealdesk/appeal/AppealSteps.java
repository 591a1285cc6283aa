package ru.appealdesk.appeal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.deadline.CaseClock;
import ru.appealdesk.deadline.CaseClockMoved;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.deadline.Now;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.ConflictException;
import ru.appealdesk.platform.EvaluatedDecisions;
import ru.appealdesk.platform.NotFoundException;

/**
 * The steps of {@code appeal-handling} on the appeal's records: what the delegates and the named task listeners of
 * the diagram call ({@link AppealListeners}). Decisions are the models'; this class keeps the case file of record.
 */
@Service
public class AppealSteps {

  public static final String MESSAGE_INFORMATION_RECEIVED = "InformationReceived";
  private final AppealRepository appeals;
  private final ClientRepository clients;
  private final ConclusionRepository conclusions;
  private final InformationReceiptRepository information;
  private final AppealRuleRepository rules;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final Map<String, Optional<Instant>> deploymentTimes = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> tablesOfProcess = new ConcurrentHashMap<>();

  AppealSteps(AppealRepository appeals, ClientRepository clients, ConclusionRepository conclusions,
      InformationReceiptRepository information, AppealRuleRepository rules, RuntimeService runtime,
      RepositoryService repository, HistoryService history) {
    this.appeals = appeals;
    this.clients = clients;
    this.conclusions = conclusions;
    this.information = information;
    this.rules = rules;
    this.runtime = runtime;
    this.repository = repository;
    this.history = history;
  }

  // ---------------------------------------------------------------- check and routing

  /**
   * Result of the completeness and admissibility check. RU: the mandatory details of §5.1/§6.2 (a known client's
   * identity document is in the company's system already). KZ: no checklist (¶54 refuses only anonymous appeals).
   */
  public record CheckResult(boolean complete, String missingCodes, String missingText, String suggestedRefusalGround,
      String hints, boolean knownClient) {}

  @Transactional
  public CheckResult check(String number) {
    Appeal a = get(number);
    boolean known = knownClient(a);
    Client c = a.getClient();
    boolean anonymous = c == null || (Texts.blank(c.getFullName()) && c.getIdentityKey() == null);
    String missing = a.getJurisdiction() == Jurisdiction.RU
        ? MandatoryDetails.codes(MandatoryDetails.missing(a, known)) : "";
    a.missingDetails(missing.isEmpty() ? null : missing);
    List<String> hints = new ArrayList<>();
    String suggestion = "NONE";
    if (anonymous) {
      suggestion = "ANONYMOUS";
      hints.add("Заявитель не указал данные, позволяющие его идентифицировать (ФИО, документ, телефон, e-mail).");
    }
    if (c != null && !c.isCreatedNow()) {
      List<Appeal> earlier = appeals.answeredOfType(c.getId(), a.getId(), a.getType()).stream()
          .filter(e -> Objects.equals(e.getSubject(), a.getSubject())).toList();
      if (!earlier.isEmpty()) {
        if ("NONE".equals(suggestion)) {
          suggestion = "REPEAT_WITHOUT_NEW_ARGUMENTS";
        }
        hints.add("Клиенту уже дан ответ по этому вопросу: " + earlier.stream()
            .map(e -> e.getNumber() + " от " + AppealTexts.date(e.getReceivedAt(), e.getJurisdiction()))
            .collect(Collectors.joining(", ")) + ". Проверьте, есть ли в обращении новые доводы.");
      }
    }
    boolean complete = a.getJurisdiction() == Jurisdiction.KZ ? !anonymous : missing.isEmpty();
    return new CheckResult(complete, missing, MandatoryDetails.texts(missing), suggestion, String.join("\n", hints),
        known);
  }

  /** An existing client: matched to a client recorded before this appeal, or a loan contract number was given. */
  private boolean knownClient(Appeal a) {
    Client c = a.getClient();
    if (!Texts.blank(a.getContractNumber())) {
      return true;
    }
    // a client created in this transaction has no other appeal (no query)
    return c != null && c.getIdentityKey() != null && !c.isCreatedNow()
        && !appeals.otherAppealIds(c.getId(), a.getId(), Limit.of(1)).isEmpty();
  }

  /** What the decision tables decided, for the API and the forms; and which definitions decided it (issue 17). */
  public record Routing(String registrationMode, String responsibleGroup, String coExecutorGroup,
      String approvalGroup, String answerMethod, String deliveredByGroup, String legalBasis) {}

  /**
   * Records what the tables decided and, once per appeal, which definitions decided it (issue 17): the process version
   * and every table named by a business rule task of the diagram that was evaluated for this case, with the tables it
   * required, in the version each evaluation ran on. No list of tables in Java: a table a process owner adds to the
   * diagram in Modeler is recorded too, and a table the case's path did not pass (the documents of an application
   * without a reason) is not. A case that started in this transaction (both intakes) takes the evaluations since its
   * start; one that reaches this step after an asynchronous step of the diagram reads the earlier ones from the
   * engine's decision history.
   */
  @Transactional
  public void routed(String number, Routing r, String processDefinitionId, String processInstanceId,
      BpmnModelInstance model) {
    Appeal a = get(number);
    a.routed(r.responsibleGroup(), r.coExecutorGroup(), r.approvalGroup(), r.answerMethod(), r.deliveredByGroup(),
        a.getAnswerDueAt());
    a.registrationMode(r.registrationMode());
    List<String> basis = new ArrayList<>();
    if (r.legalBasis() != null) {
      basis.add(r.legalBasis());
    }
    basis.add(a.getJurisdiction() == Jurisdiction.RU ? "Положение, табл. 1 (регистрация), табл. 2 (способ ответа)"
        : "Политика, п. 56 (регистрация), п. 61–62 (способ ответа)");
    a.legalBasis(Texts.abbreviate(String.join("; ", basis), 1000));
    Boolean recorded = a.rulesRecordedKnown();
    if (recorded == null) {
      recorded = !rules.recordedIds(a.getId(), Limit.of(1)).isEmpty();
    }
    if (!recorded) {
      a.rulesRecorded();
      ProcessDefinition pd = repository.getProcessDefinition(processDefinitionId);
      rules.save(new AppealRule(a.getId(), "PROCESS", pd.getKey(), pd.getVersion(), pd.getVersionTag(),
          deployedAt(pd.getDeploymentId()), pd.getId()));
      Set<String> tables = tablesOfProcess.computeIfAbsent(processDefinitionId, id -> decisionRefs(model));
      List<DecisionDefinition> decided = EvaluatedDecisions.since(number, tables)
          .orElseGet(() -> decidedEarlier(processInstanceId, tables));
      for (DecisionDefinition dd : decided) {
        rules.save(new AppealRule(a.getId(), "DECISION", dd.getKey(), dd.getVersion(), dd.getVersionTag(),
            deployedAt(dd.getDeploymentId()), dd.getId()));
      }
    }
  }

  /**
   * The named tables evaluated for the process instance in earlier transactions (the engine's decision history, with
   * the tables they required) and in this one.
   */
  private List<DecisionDefinition> decidedEarlier(String processInstanceId, Set<String> tables) {
    List<HistoricDecisionInstance> earlier = history.createHistoricDecisionInstanceQuery()
        .processInstanceId(processInstanceId).orderByEvaluationTime().asc().list();
    Map<String, String> keyOfInstance = new HashMap<>();
    earlier.forEach(h -> keyOfInstance.put(h.getId(), h.getDecisionDefinitionKey()));
    Map<String, DecisionDefinition> found = new LinkedHashMap<>();
    for (HistoricDecisionInstance h : earlier) {
      String root = h.getRootDecisionInstanceId() == null ? h.getDecisionDefinitionKey()
          : keyOfInstance.get(h.getRootDecisionInstanceId());
      if (root != null && EvaluatedDecisions.named(tables, root)) {
        found.computeIfAbsent(h.getDecisionDefinitionId(), repository::getDecisionDefinition);
      }
    }
    EvaluatedDecisions.of(tables).forEach(d -> found.putIfAbsent(d.getId(), d));
    return List.copyOf(found.values());
  }

  /** The tables the diagram's business rule tasks name ({@link EvaluatedDecisions#ANY} for a reference by expression). */
  static Set<String> decisionRefs(BpmnModelInstance model) {
    Set<String> keys = new LinkedHashSet<>();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String ref = task.getCamundaDecisionRef();
      if (ref != null && !ref.isBlank()) {
        keys.add(ref.contains("{") ? EvaluatedDecisions.ANY : ref.strip());
      }
    }
    return Set.copyOf(keys);
  }

  /** A deployment's time never changes: asked once per deployment, not on every routing. */
  private Instant deployedAt(String deploymentId) {
    Optional<Instant> known = deploymentTimes.computeIfAbsent(deploymentId, id -> {
      Deployment d = repository.createDeploymentQuery().deploymentId(id).singleResult();
      return d == null ? null : Optional.ofNullable(d.getDeploymentTime()).map(Date::toInstant);
    });
    return known == null ? null : known.orElse(null);
  }

  // ---------------------------------------------------------------- registration

  /** Registration without an employee or after the task; returns when the appeal counts as registered. */
  @Transactional
  public Instant register(String number) {
    Appeal a = get(number);
    if (a.getRegisteredAt() == null) {
      a.registered(Now.instant());
    }
    return a.getRegisteredAt();
  }

  /** The registration task: details the registrar completed. Returns the client variables. */
  @Transactional
  public Map<String, Object> completeRegistration(String number, ClientDetails details, String demand,
      String situationPlace, Instant situationAt, String contractNumber) {
    Appeal a = get(number);
    updateDetails(a, details, demand, situationPlace, situationAt, contractNumber);
    register(number);
    return AppealTexts.clientVariables(a);
  }

  private void updateDetails(Appeal a, ClientDetails details, String demand, String situationPlace,
      Instant situationAt, String contractNumber) {
    if (details != null && !Clients.allBlank(details)) {
      Instant now = Now.instant();
      Client c = a.getClient();
      if (c == null) {
        String key = AppealIntake.identityKey(details);
        c = key == null ? null : clients.findByIdentityKey(key).orElse(null);
        if (c == null) {
          c = new Client(key, now);
        }
        c.update(details, now);
        a.assignClient(clients.save(c));
      } else {
        c.update(details, now);
      }
    }
    a.complete(demand, situationPlace, situationAt, contractNumber);
  }

  /** A REQUEST decided on the spot (SPEC §3.9): recorded, not registered. */
  @Transactional
  public void decidedOnTheSpot(String number, String decision) {
    Appeal a = get(number);
    a.answer("DECIDED_ON_THE_SPOT", decision);
    a.closed(Now.instant());
  }

  /** Table 6: the approver's word on a decision taken on the spot, appended to the recorded decision. */
  @Transactional
  public void agreedOnTheSpot(String number, boolean agreed, String by, String comment) {
    Appeal a = get(number);
    a.answer(agreed ? "DECIDED_ON_THE_SPOT" : "DECIDED_ON_THE_SPOT_NOT_AGREED", Texts.abbreviate(a.getAnswerText()
        + "\n" + (agreed ? "Согласовано: " : "Не согласовано: ") + by + (comment == null ? "" : ". " + comment), 20_000));
  }

  /** KZ ¶54: the employee's decision on admissibility. */
  @Transactional
  public void admissibility(String number, String ground, String reason) {
    Appeal a = get(number);
    a.refusal("NONE".equals(ground) ? null : ground, "NONE".equals(ground) ? null : reason);
  }

  // ---------------------------------------------------------------- information

  @Transactional
  public void informationRequested(String number, String text) {
    get(number).informationRequested(text);
  }

  /**
   * {@code POST /api/appeals/{number}/information} (or the client's status page): stores what came, updates the
   * details and correlates {@code InformationReceived}; 409 when the appeal is not waiting for information.
   */
  @Transactional
  public Appeal informationReceived(String number, InformationUpdate in) {
    Appeal a = get(number);
    long waiting = a.getProcessInstanceId() == null ? 0 : runtime.createEventSubscriptionQuery()
        .processInstanceId(a.getProcessInstanceId()).eventType("message").eventName(MESSAGE_INFORMATION_RECEIVED)
        .count();
    if (waiting == 0) {
      throw new ConflictException("Обращение " + number + " не ожидает дополнительной информации (статус: "
          + a.getStatus().text() + ")");
    }
    Instant receivedAt = receivedAt(a, in.receivedAt() == null ? null : in.receivedAt().toInstant(), "receivedAt");
    Map<String, Object> vars = storeInformation(a, in.note().strip(), receivedAt, in.attachments(), in.client(),
        Texts.trim(in.demand()), Texts.trim(in.situationPlace()),
        in.situationAt() == null ? null : in.situationAt().toInstant(), Texts.trim(in.contractNumber()));
    runtime.createMessageCorrelation(MESSAGE_INFORMATION_RECEIVED).processInstanceBusinessKey(number)
        .setVariables(vars).correlate();
    return a;
  }

  /** The Tasklist step: an employee records what the client brought or sent; returns the variables to set. */
  @Transactional
  public Map<String, Object> informationRecorded(String number, String note, Instant receivedAt,
      ClientDetails details, String demand, String situationPlace, Instant situationAt, String contractNumber) {
    Appeal a = get(number);
    return storeInformation(a, note, receivedAt(a, receivedAt, "informationReceivedOn"), null, details, demand,
        situationPlace, situationAt, contractNumber);
  }

  /** When the information reached the company: not in the future, not before it was asked for; default now. */
  private Instant receivedAt(Appeal a, Instant given, String field) {
    Instant now = Now.instant();
    if (given == null) {
      return now;
    }
    if (given.isAfter(now.plusSeconds(300))) {
      throw new BadRequestException(field, "дата получения информации не может быть в будущем");
    }
    if (given.isBefore(a.getReceivedAt())) {
      throw new BadRequestException(field, "дата получения информации раньше даты обращения");
    }
    return given;
  }

  private Map<String, Object> storeInformation(Appeal a, String note, Instant receivedAt, List<String> attachments,
      ClientDetails details, String demand, String situationPlace, Instant situationAt, String contractNumber) {
    information.save(new InformationReceipt(a.getId(), receivedAt, note,
        attachments == null || attachments.isEmpty() ? null : String.join(",", attachments)));
    updateDetails(a, details, demand, situationPlace, situationAt, contractNumber);
    String missing = a.getJurisdiction() == Jurisdiction.RU
        ? MandatoryDetails.codes(MandatoryDetails.missing(a, knownClient(a))) : "";
    a.missingDetails(missing.isEmpty() ? null : missing);
    Map<String, Object> vars = new HashMap<>(AppealTexts.clientVariables(a));
    vars.put(AppealVariables.INFORMATION_RECEIVED_AT, Date.from(receivedAt));
    vars.put("informationNote", Texts.abbreviate(note, Texts.VARIABLE_TEXT_LIMIT));
    vars.put(AppealVariables.MISSING_DETAILS, missing);
    vars.put(AppealVariables.MISSING_DETAILS_TEXT, MandatoryDetails.texts(missing));
    vars.put(AppealVariables.APPEAL_DEMAND, Texts.abbreviate(a.getDemand(), Texts.VARIABLE_TEXT_LIMIT));
    return vars;
  }

  /** The clock moved: the appeal's card keeps the current deadline, the ceiling and whether they are provisional. */
  @EventListener
  @Transactional
  public void clockMoved(CaseClockMoved event) {
    CaseClock c = event.clock();
    if (!CaseClock.ANSWER.equals(c.clock())) {
      return;
    }
    appeals.findByNumber(c.caseNumber()).ifPresent(a -> a.clock(c.dueAt(), c.legalDeadlineAt(), c.provisional()));
  }

  /** The company's answer deadline from receipt, known at routing (before the clock starts with the consideration). */
  @Transactional
  public void preliminaryDue(String number, Instant due, boolean provisional) {
    Appeal a = get(number);
    a.clock(due, a.getLegalDeadlineAt(), provisional);
  }

  /** The answer clock started. */
  @Transactional
  public void clockStarted(String number, CaseClock c) {
    get(number).clock(c.dueAt(), c.legalDeadlineAt(), c.provisional());
  }

  // ---------------------------------------------------------------- answer

  /** A co-executor's conclusion; returns all conclusions so far as the text the answer form shows. */
  @Transactional
  public String conclusion(String number, String groupId, String author, String text) {
    Appeal a = get(number);
    conclusions.save(new Conclusion(a.getId(), groupId, author, text, Now.instant()));
    return conclusionsText(a);
  }

  String conclusionsText(Appeal a) {
    return Texts.abbreviate(conclusions.findByAppealIdOrderByAtAscIdAsc(a.getId()).stream()
        .map(k -> "[" + k.getGroupId() + (k.getAuthor() == null ? "" : ", " + k.getAuthor()) + "] " + k.getText())
        .collect(Collectors.joining("\n\n")), Texts.VARIABLE_TEXT_LIMIT);
  }

  /** The responsible employee brought in more units (§4): they join the appeal's co-executors. */
  @Transactional
  public String coExecutorsAdded(String number, List<String> groups) {
    Appeal a = get(number);
    Set<String> all = new LinkedHashSet<>(groups(a.getCoExecutorGroup()));
    all.addAll(groups);
    String csv = String.join(",", all);
    a.routed(a.getResponsibleGroup(), csv, a.getApprovalGroup(), a.getAnswerMethod(), a.getDeliveredByGroup(),
        a.getAnswerDueAt());
    return csv;
  }

  @Transactional
  public void answer(String number, String outcome, String text) {
    get(number).answer(outcome, text);
  }

  /** Approved and signed in one step (issue 18: the same text is not signed twice). */
  @Transactional
  public void signed(String number, String userId) {
    get(number).signedBy(userId);
  }

  /** A forwarded complaint: the copy of the answer went to the regulator. */
  @Transactional
  public void regulatorCopySent(String number, String proof, Instant at) {
    get(number).regulatorCopy(proof, at);
  }

  /**
   * Closes the case (SPEC §3.1 step 5) once it is complete: the answer text, a conclusion of every co-executor and the
   * delivery proof (and, for a forwarded complaint, the copy to the regulator). An incomplete case fails loudly (an
   * incident in Cockpit), never closes silently.
   */
  @Transactional
  public void close(String number, String deliveryProof, Date deliveredAt) {
    Appeal a = get(number);
    List<String> gaps = new ArrayList<>();
    if (Texts.blank(a.getAnswerText())) {
      gaps.add("нет текста ответа");
    }
    List<String> concluded = conclusions.findByAppealIdOrderByAtAscIdAsc(a.getId()).stream()
        .map(Conclusion::getGroupId).toList();
    groups(a.getCoExecutorGroup()).stream().filter(g -> !concluded.contains(g))
        .forEach(g -> gaps.add("нет заключения соисполнителя " + g));
    if (Texts.blank(deliveryProof)) {
      gaps.add("нет подтверждения доставки ответа");
    }
    if (a.getRegulatorAuthority() != null && Texts.blank(a.getRegulatorCopyProof())) {
      gaps.add("копия ответа не направлена регулятору");
    }
    if (!gaps.isEmpty()) {
      throw new IllegalStateException("Обращение " + number + " нельзя закрыть: " + String.join("; ", gaps));
    }
    Instant now = Now.instant();
    a.delivered(deliveredAt == null ? now : deliveredAt.toInstant(), Texts.abbreviate(deliveryProof, 4000));
    a.closed(now);
  }

  /** {@code "legal, marketing"} → [legal, marketing]; null or blank → []. */
  public static List<String> groups(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  Appeal get(String number) {
    return appeals.findByNumber(number).orElseThrow(() -> new NotFoundException("Обращение " + number + " не найдено"));
  }
}

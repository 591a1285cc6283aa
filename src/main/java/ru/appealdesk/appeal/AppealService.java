package ru.appealdesk.appeal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.deadline.SlaBreaches;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;
import ru.appealdesk.platform.ConflictException;
import ru.appealdesk.platform.NotFoundException;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * The appeal's one home: intake (API), the steps the process calls (through thin delegates) and the views. Every status
 * change is written to the history and published as {@link AppealStatusChanged}.
 */
@Service
public class AppealService {

  public static final String PROCESS_KEY = "appeal-handling";
  public static final String MESSAGE_INFORMATION_RECEIVED = "InformationReceived";
  /** Camunda keeps String variables in a varchar(4000) column: longer texts live only in the appeal tables. */
  static final int VARIABLE_TEXT_LIMIT = 3900;

  private static final Logger log = LoggerFactory.getLogger(AppealService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AppealRepository appeals;
  private final ClientRepository clients;
  private final StatusEntryRepository history;
  private final ConclusionRepository conclusions;
  private final InformationReceiptRepository information;
  private final AppealNumbers numbers;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ApplicationEventPublisher events;
  private final SlaBreaches breaches;
  private final jakarta.validation.Validator validator;
  private final TransactionTemplate transactions;

  AppealService(AppealRepository appeals, ClientRepository clients, StatusEntryRepository history,
      ConclusionRepository conclusions, InformationReceiptRepository information, AppealNumbers numbers,
      RuntimeService runtime, TaskService tasks, ApplicationEventPublisher events, SlaBreaches breaches,
      jakarta.validation.Validator validator, PlatformTransactionManager transactionManager) {
    this.appeals = appeals;
    this.clients = clients;
    this.history = history;
    this.conclusions = conclusions;
    this.information = information;
    this.numbers = numbers;
    this.runtime = runtime;
    this.tasks = tasks;
    this.events = events;
    this.breaches = breaches;
    this.validator = validator;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  // ---------------------------------------------------------------- intake

  /** What {@code POST /api/appeals} answers. */
  public record Intake(Appeal appeal, boolean replayed) {}

  /**
   * Records the appeal, numbers it and starts {@code appeal-handling} with the number as business key. The process runs
   * in the intake transaction up to its first wait state, so routing and the answer deadline are known when this returns.
   * The number is taken before that transaction, in a short one of its own: concurrent intakes then do not queue behind
   * each other's process start on the sequence row. A number is skipped only when the intake fails after it was taken
   * (a database failure: the input was validated before).
   */
  public Intake intake(NewAppeal in, String idempotencyKey, String requestHash) {
    if (idempotencyKey != null) {
      Optional<Appeal> earlier = appeals.findByIdempotencyKey(idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), requestHash);
      }
    }
    Checked c = check(in);
    Instant receivedAt = receivedAt(in);
    String number = numbers.next(c.jurisdiction, receivedAt);
    return transactions.execute(status -> {
      Appeal appeal = record(in, c, number, receivedAt, idempotencyKey, requestHash);
      ProcessInstanceWithVariables pi = runtime.createProcessInstanceByKey(PROCESS_KEY)
          .businessKey(appeal.getNumber())
          .setVariables(startVariables(appeal))
          .executeWithVariablesInReturn();
      appeal.processInstance(pi.getId());
      log.info("Appeal {} received ({} {} via {}), process {}", appeal.getNumber(), appeal.getType(),
          appeal.getSubject(), appeal.getChannel(), pi.getId());
      return new Intake(appeal, false);
    });
  }

  /**
   * An employee started {@code appeal-handling} from Tasklist with the intake form: the same checks and records as the
   * API (Bean Validation included), for the process instance that already runs. Returns its start variables.
   */
  @Transactional
  public Map<String, Object> acceptStartedInTasklist(String processInstanceId, NewAppeal in) {
    List<FieldProblem> problems = validator.validate(in).stream()
        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    Checked c = check(in);
    Instant receivedAt = receivedAt(in);
    Appeal appeal = record(in, c, numbers.next(c.jurisdiction, receivedAt), receivedAt, null, null);
    appeal.processInstance(processInstanceId);
    log.info("Appeal {} entered in Tasklist, process {}", appeal.getNumber(), processInstanceId);
    return startVariables(appeal);
  }

  private static Instant receivedAt(NewAppeal in) {
    return in.receivedAt() == null ? now() : in.receivedAt().toInstant();
  }

  private Appeal record(NewAppeal in, Checked c, String number, Instant receivedAt, String idempotencyKey,
      String requestHash) {
    Instant now = now();
    Client client = client(in.client(), now);
    Appeal appeal = new Appeal(number, c.jurisdiction, c.type, c.subject, c.channel, c.language, receivedAt, client,
        newToken(), now);
    appeal.describe(in.content().strip(), trim(in.demand()), trim(in.situationPlace()),
        in.situationAt() == null ? null : in.situationAt().toInstant(), trim(in.contractNumber()),
        Boolean.TRUE.equals(in.writtenAnswerRequested()));
    appeal.idempotency(idempotencyKey, requestHash);
    appeals.saveAndFlush(appeal);
    writeHistory(appeal, AppealStatus.RECEIVED, "Канал: " + c.channel.russianName());
    return appeal;
  }

  private Map<String, Object> startVariables(Appeal appeal) {
    boolean auto = !appeal.getChannel().employeeChannel() && MandatoryDetails.missing(appeal).isEmpty();
    Map<String, Object> vars = essentials(appeal);
    vars.put("autoRegistration", auto);
    vars.put("writtenAnswerRequested", appeal.isWrittenAnswerRequested());
    vars.put("refusalGround", "NONE");
    return vars;
  }

  private Intake replay(Appeal earlier, String requestHash) {
    if (requestHash != null && earlier.getRequestHash() != null && !requestHash.equals(earlier.getRequestHash())) {
      throw new ConflictException("Idempotency-Key уже использован для другого обращения ("
          + earlier.getNumber() + ")");
    }
    return new Intake(earlier, true);
  }

  private record Checked(Jurisdiction jurisdiction, AppealType type, String subject, Channel channel,
      String language) {}

  private Checked check(NewAppeal in) {
    List<FieldProblem> problems = new ArrayList<>();
    Jurisdiction jurisdiction = code(Jurisdiction.class, in.jurisdiction(), "jurisdiction", problems);
    AppealType type = code(AppealType.class, in.type(), "type", problems);
    Channel channel = code(Channel.class, in.channel(), "channel", problems);
    String subject = trim(in.subject());
    if (type != null) {
      if (type.subjects().isEmpty()) {
        if (subject != null) {
          problems.add(new FieldProblem("subject", "у типа " + type + " нет тем: поле не заполняется"));
        }
      } else if (subject == null) {
        problems.add(new FieldProblem("subject", "обязательное поле для типа " + type + "; допустимо: "
            + String.join(", ", type.subjects())));
      } else if (!type.subjects().contains(subject)) {
        problems.add(new FieldProblem("subject", "недопустимое значение «" + subject + "» для типа " + type
            + "; допустимо: " + String.join(", ", type.subjects())));
      }
    }
    String language = trim(in.language());
    if (language == null) {
      language = "ru";
    } else if (!language.equals("ru") && !language.equals("kk")) {
      problems.add(new FieldProblem("language", "недопустимое значение «" + language + "»; допустимо: ru, kk"));
    } else if (language.equals("kk") && jurisdiction == Jurisdiction.RU) {
      problems.add(new FieldProblem("language", "обращения в РФ рассматриваются на русском языке (ru)"));
    }
    if (in.receivedAt() != null && in.receivedAt().toInstant().isAfter(now().plusSeconds(300))) {
      problems.add(new FieldProblem("receivedAt", "дата получения не может быть в будущем"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return new Checked(jurisdiction, type, subject, channel, language);
  }

  private static <E extends Enum<E>> E code(Class<E> codes, String value, String field, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(codes, value.strip());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "недопустимое значение «" + abbreviate(value, 40) + "»; допустимо: "
          + Arrays.stream(codes.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
      return null;
    }
  }

  private Client client(ClientDetails d, Instant now) {
    String key = identityKey(d);
    if (key == null && (d == null || allBlank(d))) {
      return null;
    }
    Client client = key == null ? null : clients.findByIdentityKey(key).orElse(null);
    if (client == null) {
      client = new Client(key, now);
    }
    client.update(d, now);
    return clients.save(client);
  }

  /** Id document, else phone, else e-mail, normalised, so the next appeal of the same person finds their history. */
  static String identityKey(ClientDetails d) {
    if (d == null) {
      return null;
    }
    if (d.idDocument() != null && !d.idDocument().isBlank()) {
      return "doc:" + d.idDocument().replaceAll("[^0-9A-Za-zА-Яа-я]", "").toUpperCase(Locale.ROOT);
    }
    if (d.phone() != null && !d.phone().isBlank()) {
      return "phone:" + d.phone().replaceAll("[^0-9]", "");
    }
    if (d.email() != null && !d.email().isBlank()) {
      return "email:" + d.email().strip().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static boolean allBlank(ClientDetails d) {
    return blank(d.fullName()) && blank(d.phone()) && blank(d.email()) && blank(d.postalAddress())
        && blank(d.postalCode()) && blank(d.idDocument());
  }

  /** The process variables of docs/CONTRACTS.md plus the read-only texts the forms show. */
  Map<String, Object> essentials(Appeal a) {
    Map<String, Object> v = new HashMap<>();
    v.put("appealNumber", a.getNumber());
    v.put("jurisdiction", a.getJurisdiction().name());
    v.put("appealType", a.getType().name());
    v.put("subject", a.getSubject());
    v.put("channel", a.getChannel().name());
    v.put("language", a.getLanguage());
    v.put("receivedAt", Date.from(a.getReceivedAt()));
    v.putAll(clientVariables(a));
    v.put("appealTypeText", a.getType().russianName());
    v.put("channelText", a.getChannel().russianName());
    v.put("receivedAtText", AppealTexts.dateTime(a.getReceivedAt(), a.getJurisdiction()));
    v.put("appealContent", abbreviate(a.getContent(), VARIABLE_TEXT_LIMIT));
    v.put("appealDemand", abbreviate(a.getDemand(), VARIABLE_TEXT_LIMIT));
    v.put("situationPlace", a.getSituationPlace());
    v.put("situationAt", a.getSituationAt() == null ? null
        : a.getSituationAt().atZone(a.getJurisdiction().zone()).toLocalDateTime().toString());
    v.put("contractNumber", a.getContractNumber());
    v.put("conclusions", "");
    return v;
  }

  private Map<String, Object> clientVariables(Appeal a) {
    Client c = a.getClient();
    Map<String, Object> v = new HashMap<>();
    v.put("clientFullName", c == null ? null : c.getFullName());
    v.put("clientEmail", c == null ? null : c.getEmail());
    v.put("clientPhone", c == null ? null : c.getPhone());
    v.put("clientPostalAddress", c == null ? null : postalAddress(c));
    v.put("clientAddress", c == null ? null : c.getPostalAddress());
    v.put("clientPostalCode", c == null ? null : c.getPostalCode());
    v.put("clientIdDocument", c == null ? null : c.getIdDocument());
    v.put("clientText", AppealTexts.client(c));
    return v;
  }

  private static String postalAddress(Client c) {
    if (c.getPostalAddress() == null) {
      return null;
    }
    return c.getPostalCode() == null ? c.getPostalAddress() : c.getPostalCode() + ", " + c.getPostalAddress();
  }

  // ---------------------------------------------------------------- steps of appeal-handling

  /** The DMN results of the appeal, stored so the API and the case file show them. */
  @Transactional
  public String routed(String number, String responsibleGroup, String coExecutorGroup, String approvalGroup,
      String answerMethod, String deliveredByGroup, Date answerDueAt) {
    Appeal a = get(number);
    a.routed(responsibleGroup, coExecutorGroup, approvalGroup, answerMethod, deliveredByGroup,
        answerDueAt == null ? null : answerDueAt.toInstant());
    return AppealTexts.dateTime(a.getAnswerDueAt(), a.getJurisdiction());
  }

  /** Registration without an employee (self-service channel with every mandatory detail) or after the task. */
  @Transactional
  public void register(String number, String note) {
    Appeal a = get(number);
    if (a.getRegisteredAt() == null) {
      a.registered(now());
    }
    changeStatus(a, AppealStatus.REGISTERED, note);
  }

  /** The registration task: details the registrar completed, then registration. Returns the client variables. */
  @Transactional
  public Map<String, Object> completeRegistration(String number, ClientDetails details, String demand,
      String situationPlace, Instant situationAt, String contractNumber) {
    Appeal a = get(number);
    updateDetails(a, details, demand, situationPlace, situationAt, contractNumber);
    register(number, "Зарегистрировано сотрудником");
    return clientVariables(a);
  }

  private void updateDetails(Appeal a, ClientDetails details, String demand, String situationPlace,
      Instant situationAt, String contractNumber) {
    if (details != null && !allBlank(details)) {
      Instant now = now();
      Client c = a.getClient();
      if (c == null) {
        c = client(details, now);
        a.assignClient(c);
      } else {
        c.update(details, now);
      }
    }
    a.complete(demand, situationPlace, situationAt, contractNumber);
  }

  /** Result of the completeness and admissibility check (SPEC §3.3, §4 ¶54). */
  public record CheckResult(String missingCodes, String missingText, String suggestedRefusalGround, String hints) {
    public boolean complete() {
      return missingCodes.isEmpty();
    }
  }

  @Transactional
  public CheckResult checkAppeal(String number) {
    Appeal a = get(number);
    String missing = MandatoryDetails.codes(MandatoryDetails.missing(a));
    a.missingDetails(missing.isEmpty() ? null : missing);
    List<String> hints = new ArrayList<>();
    String suggestion = "NONE";
    Client c = a.getClient();
    if (c == null || (blank(c.getFullName()) && c.getIdentityKey() == null)) {
      suggestion = "ANONYMOUS";
      hints.add("Заявитель не указал данные, позволяющие его идентифицировать (ФИО, документ, телефон, e-mail).");
    }
    if (c != null) {
      List<Appeal> earlier = appeals.findByClientIdAndIdNotOrderByReceivedAtDesc(c.getId(), a.getId()).stream()
          .filter(e -> e.getType() == a.getType() && java.util.Objects.equals(e.getSubject(), a.getSubject()))
          .filter(e -> e.getAnswerText() != null)
          .toList();
      if (!earlier.isEmpty()) {
        if ("NONE".equals(suggestion)) {
          suggestion = "REPEAT_WITHOUT_NEW_ARGUMENTS";
        }
        hints.add("Клиенту уже дан ответ по этому вопросу: " + earlier.stream()
            .map(e -> e.getNumber() + " от " + AppealTexts.date(e.getReceivedAt(), e.getJurisdiction()))
            .collect(Collectors.joining(", ")) + ". Проверьте, есть ли в обращении новые доводы.");
      }
    }
    return new CheckResult(missing, MandatoryDetails.texts(missing), suggestion, String.join("\n", hints));
  }

  /** KZ ¶54: the employee's decision on admissibility. */
  @Transactional
  public void admissibility(String number, String ground, String reason) {
    Appeal a = get(number);
    a.refusal("NONE".equals(ground) ? null : ground, "NONE".equals(ground) ? null : reason);
  }

  @Transactional
  public void informationRequested(String number, String text) {
    Appeal a = get(number);
    a.informationRequested(text);
    changeStatus(a, AppealStatus.INFORMATION_REQUESTED, null);
  }

  /**
   * {@code POST /api/appeals/{number}/information}: stores what came, updates the details and correlates
   * {@code InformationReceived}; 409 when the appeal is not waiting for information.
   */
  @Transactional
  public Appeal informationReceived(String number, InformationUpdate in) {
    Appeal a = get(number);
    long waiting = runtime.createEventSubscriptionQuery().processInstanceId(a.getProcessInstanceId())
        .eventType("message").eventName(MESSAGE_INFORMATION_RECEIVED).count();
    if (a.getProcessInstanceId() == null || waiting == 0) {
      throw new ConflictException("Обращение " + number + " не ожидает дополнительной информации (статус: "
          + a.getStatus().text() + ")");
    }
    Instant now = now();
    information.save(new InformationReceipt(a.getId(), now, in.note().strip(),
        in.attachments() == null || in.attachments().isEmpty() ? null : String.join(",", in.attachments())));
    updateDetails(a, in.client(), trim(in.demand()), trim(in.situationPlace()),
        in.situationAt() == null ? null : in.situationAt().toInstant(), trim(in.contractNumber()));
    String missing = MandatoryDetails.codes(MandatoryDetails.missing(a));
    a.missingDetails(missing.isEmpty() ? null : missing);
    changeStatus(a, AppealStatus.INFORMATION_RECEIVED, null);
    Map<String, Object> vars = new HashMap<>(clientVariables(a));
    vars.put("informationReceivedAt", Date.from(now));
    vars.put("informationNote", abbreviate(in.note().strip(), VARIABLE_TEXT_LIMIT));
    vars.put("missingDetails", missing);
    vars.put("missingDetailsText", MandatoryDetails.texts(missing));
    vars.put("appealDemand", abbreviate(a.getDemand(), VARIABLE_TEXT_LIMIT));
    runtime.createMessageCorrelation(MESSAGE_INFORMATION_RECEIVED)
        .processInstanceBusinessKey(number)
        .setVariables(vars)
        .correlate();
    return a;
  }

  /** The answer clock after the information request (SPEC §3.4); returns the text the forms show. */
  @Transactional
  public String answerDueAt(String number, Date due) {
    Appeal a = get(number);
    a.answerDueAt(due.toInstant());
    return AppealTexts.dateTime(a.getAnswerDueAt(), a.getJurisdiction());
  }

  /** A co-executor's conclusion; returns all conclusions so far as the text the answer form shows. */
  @Transactional
  public String conclusion(String number, String groupId, String author, String text) {
    Appeal a = get(number);
    conclusions.save(new Conclusion(a.getId(), groupId, author, text, now()));
    return abbreviate(conclusions.findByAppealIdOrderByAtAscIdAsc(a.getId()).stream()
        .map(k -> "[" + k.getGroupId() + (k.getAuthor() == null ? "" : ", " + k.getAuthor()) + "] " + k.getText())
        .collect(Collectors.joining("\n\n")), VARIABLE_TEXT_LIMIT);
  }

  @Transactional
  public void answer(String number, String outcome, String text) {
    get(number).answer(outcome, text);
  }

  /** A REQUEST decided on the spot (SPEC §3.9): recorded, not registered, nothing else to do. */
  @Transactional
  public void decidedOnTheSpot(String number, String decision) {
    Appeal a = get(number);
    a.answer("DECIDED_ON_THE_SPOT", decision);
    a.closed(now());
    changeStatus(a, AppealStatus.DECIDED_ON_THE_SPOT, null);
  }

  @Transactional
  public void changeStatus(String number, AppealStatus status, String note) {
    changeStatus(get(number), status, note);
  }

  /**
   * Closes the case (SPEC §3.1 step 5) once it is complete: the answer text, a conclusion of every co-executor and the
   * delivery proof. An incomplete case fails loudly (an incident in Cockpit), never closes silently.
   */
  @Transactional
  public void close(String number, String deliveryProof, Date deliveredAt) {
    Appeal a = get(number);
    List<String> gaps = new ArrayList<>();
    if (blank(a.getAnswerText())) {
      gaps.add("нет текста ответа");
    }
    List<String> coExecutors = groups(a.getCoExecutorGroup());
    List<String> concluded = conclusions.findByAppealIdOrderByAtAscIdAsc(a.getId()).stream()
        .map(Conclusion::getGroupId).toList();
    coExecutors.stream().filter(g -> !concluded.contains(g))
        .forEach(g -> gaps.add("нет заключения соисполнителя " + g));
    if (blank(deliveryProof)) {
      gaps.add("нет подтверждения доставки ответа");
    }
    if (!gaps.isEmpty()) {
      throw new IllegalStateException("Обращение " + number + " нельзя закрыть: " + String.join("; ", gaps));
    }
    Instant now = now();
    a.delivered(deliveredAt == null ? now : deliveredAt.toInstant(), deliveryProof);
    changeStatus(a, AppealStatus.ANSWERED, abbreviate(deliveryProof, 500));
    a.closed(now);
    changeStatus(a, AppealStatus.CLOSED, null);
  }

  /** {@code "legal, marketing"} → [legal, marketing]; null or blank → []. */
  public static List<String> groups(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private void changeStatus(Appeal a, AppealStatus status, String note) {
    if (a.getStatus() == status && !history.findByAppealIdOrderByAtAscIdAsc(a.getId()).isEmpty()) {
      return;
    }
    a.status(status);
    writeHistory(a, status, note);
  }

  private void writeHistory(Appeal a, AppealStatus status, String note) {
    Instant now = now();
    history.save(new StatusEntry(a.getId(), status, now, note));
    Client c = a.getClient();
    events.publishEvent(new AppealStatusChanged(a.getNumber(), a.getJurisdiction().name(), status.name(),
        a.getLanguage(), c == null ? null : c.getEmail(), c == null ? null : c.getFullName(), now));
  }

  // ---------------------------------------------------------------- views

  @Transactional(readOnly = true)
  public AppealView view(String number) {
    Appeal a = get(number);
    List<AppealView.Task> open = a.getProcessInstanceId() == null ? List.of()
        : tasks.createTaskQuery().processInstanceId(a.getProcessInstanceId()).initializeFormKeys().list().stream()
            .map(t -> new AppealView.Task(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getGroupId() != null)
                    .map(l -> l.getGroupId()).toList(),
                t.getAssignee(), AppealTexts.iso(t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    a.getJurisdiction())))
            .toList();
    return AppealView.of(a, history.findByAppealIdOrderByAtAscIdAsc(a.getId()),
        conclusions.findByAppealIdOrderByAtAscIdAsc(a.getId()),
        information.findByAppealIdOrderByReceivedAtAsc(a.getId()), open, breaches.isBreached(a.getNumber()));
  }

  /** SPEC §7: status and history for the client who holds the token; 404 for any other token. */
  @Transactional(readOnly = true)
  public PublicStatus publicStatus(String number, String token) {
    Appeal a = appeals.findByNumber(number)
        .filter(x -> token != null && java.security.MessageDigest.isEqual(
            x.getStatusToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            token.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .orElseThrow(() -> new NotFoundException("Обращение не найдено"));
    return PublicStatus.of(a, history.findByAppealIdOrderByAtAscIdAsc(a.getId()));
  }

  Appeal get(String number) {
    return appeals.findByNumber(number).orElseThrow(() -> new NotFoundException("Обращение " + number + " не найдено"));
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static String newToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String abbreviate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max - 1) + "…";
  }
}

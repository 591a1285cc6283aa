package ru.appealdesk.tasklist;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.appealdesk.appeal.AppealQueries;
import ru.appealdesk.appeal.AppealView;
import ru.appealdesk.appeal.AppealVocabulary;
import ru.appealdesk.appeal.Channel;
import ru.appealdesk.casefile.CaseDocument;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.casefile.DocumentKind;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.CaseAccess;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.NotFoundException;

/**
 * The read-only case card of Tasklist's «Дело» tab, its documents and uploads into the case file. Every call names the
 * Tasklist user ({@link Viewer}: the engine's authentication of the webapp request) and asks the one visibility rule,
 * {@link CaseAccess#canSee}; a case the viewer may not see is "not found", like a number that does not exist.
 */
@Service
public class CaseCards {

  /** Who asks: the user logged into Tasklist with their groups and tenants. */
  public record Viewer(String userId, List<String> groupIds, List<String> tenantIds) {}

  public record Card(String number, boolean appeal, String jurisdiction, String type, String subject, String channel,
      String status, String responsibleGroup, String coExecutorGroup, Person client, String receivedAt,
      List<Deadline> deadlines, boolean breached, String content, String demand, String contractNumber,
      List<Event> history, List<Opinion> conclusions, List<Event> information, List<Document> documents,
      List<Kind> uploadKinds) {}

  public record Person(String fullName, String phone, String email, String postalAddress) {}

  public record Deadline(String what, String due) {}

  public record Event(String what, String at, String note) {}

  public record Opinion(String group, String author, String at, String text) {}

  public record Document(long id, String kind, String fileName, String size, String uploadedBy, String uploadedAt,
      String sha256) {}

  public record Kind(String code, String name) {}

  /** A document's bytes with what a download needs. */
  public record Download(String fileName, String contentType, String sha256, byte[] content) {}

  static final List<DocumentKind> UPLOADABLE =
      List.of(DocumentKind.ATTACHMENT, DocumentKind.POSTAL_RECEIPT, DocumentKind.CONCLUSION);

  private static final Map<DocumentKind, String> KIND_NAMES = Map.of(
      DocumentKind.ATTACHMENT, "Документ клиента или сотрудника",
      DocumentKind.CONCLUSION, "Заключение подразделения",
      DocumentKind.ANSWER, "Ответ клиенту",
      DocumentKind.SIGNED_LETTER, "Подписанное письмо",
      DocumentKind.POSTAL_RECEIPT, "Почтовая квитанция");

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final Logger log = LoggerFactory.getLogger(CaseCards.class);

  private final CaseAccess access;
  private final AppealQueries appeals;
  private final AppealVocabulary vocabulary;
  private final CaseFile caseFile;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;

  CaseCards(CaseAccess access, AppealQueries appeals, AppealVocabulary vocabulary, CaseFile caseFile,
      TaskService tasks, RuntimeService runtime, IdentityService identity) {
    this.access = access;
    this.appeals = appeals;
    this.vocabulary = vocabulary;
    this.caseFile = caseFile;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** The card of the case a task belongs to; the task must be one the viewer may see in Tasklist. */
  public Card cardOfTask(Viewer viewer, String taskId) {
    // under the viewer's engine authentication: a task they may not read is not found
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("Задача " + taskId + " не найдена");
    }
    String number = asSystem(() -> caseNumber(task))
        .orElseThrow(() -> new NotFoundException("Задача не относится ни к одному делу"));
    return card(viewer, number);
  }

  /** The card of one case by its number. */
  public Card card(Viewer viewer, String number) {
    requireVisible(viewer, number);
    return asSystem(() -> build(number));
  }

  public Download download(Viewer viewer, String number, long documentId) {
    requireVisible(viewer, number);
    CaseDocument d = caseFile.find(number, documentId)
        .orElseThrow(() -> new NotFoundException("Документ " + documentId + " в деле " + number + " не найден"));
    byte[] content = caseFile.content(number, documentId).orElseThrow();
    return new Download(d.fileName(), d.contentType(), d.sha256(), content);
  }

  /** Files a document into the case file as the viewer ({@code uploaded_by} is their user id). */
  public Document upload(Viewer viewer, String number, String kind, String fileName, String contentType,
      byte[] content) {
    requireVisible(viewer, number);
    DocumentKind k = UPLOADABLE.stream().filter(u -> u.name().equals(kind == null ? "ATTACHMENT" : kind)).findFirst()
        .orElseThrow(() -> new BadRequestException("kind", "вид документа: "
            + String.join(", ", UPLOADABLE.stream().map(KIND_NAMES::get).toList())));
    CaseDocument stored = caseFile.upload(number, k, fileName, contentType, content, viewer.userId());
    log.info("Case {}: document {} filed from Tasklist", number, stored.id());
    return asSystem(() -> document(stored));
  }

  /** Asked as the system, like every {@code /api} call: the rule itself reads what it needs about the case. */
  private void requireVisible(Viewer viewer, String number) {
    if (viewer == null || viewer.userId() == null
        || !asSystem(() -> access.canSee(viewer.userId(), viewer.groupIds(), number))) {
      throw new NotFoundException("Дело " + number + " не найдено");
    }
  }

  /** Business key of the task's case, or its {@code caseNumber} / {@code appealNumber} variable. */
  private Optional<String> caseNumber(Task task) {
    if (task.getProcessInstanceId() != null) {
      ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .singleResult();
      if (pi != null && pi.getBusinessKey() != null && !pi.getBusinessKey().isBlank()) {
        return Optional.of(pi.getBusinessKey());
      }
    }
    for (String name : List.of("caseNumber", "appealNumber")) {
      Object v = tasks.getVariable(task.getId(), name);
      if (v instanceof String s && !s.isBlank()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private Card build(String number) {
    List<Document> documents = caseFile.list(number).stream().map(this::document).toList();
    List<Kind> kinds = UPLOADABLE.stream().map(k -> new Kind(k.name(), KIND_NAMES.get(k))).toList();
    AppealView a;
    try {
      a = appeals.view(number);
    } catch (NotFoundException notAnAppeal) {
      // a restructuring, an outage or a stand-alone letter: its documents
      return new Card(number, false, null, null, null, null, null, null, null, null, null, List.of(), false, null,
          null, null, List.of(), List.of(), List.of(), documents, kinds);
    }
    ZoneId zone = Jurisdiction.of(a.jurisdiction()).zone();
    String zoneLabel = Jurisdiction.of(a.jurisdiction()) == Jurisdiction.KZ ? "Алматы" : "МСК";
    List<Deadline> deadlines = new ArrayList<>();
    deadlines.add(new Deadline("Срок ответа клиенту", at(a.answerDueAt(), zone, zoneLabel)));
    a.openTasks().stream().filter(t -> t.due() != null)
        .forEach(t -> deadlines.add(new Deadline("Срок шага «" + t.name() + "»", at(t.due(), zone, zoneLabel))));
    AppealView.ClientView c = a.client();
    return new Card(a.number(), true, a.jurisdiction(), a.typeText(),
        vocabulary.subject(a.subject()).map(AppealVocabulary.Term::ru).orElse(a.subject()),
        channel(a.channel()), a.statusText(), groupName(a.responsibleGroup()), groups(a.coExecutorGroup()),
        c == null ? null : new Person(c.fullName(), c.phone(), c.email(), c.postalAddress()),
        at(a.receivedAt(), zone, zoneLabel), deadlines, a.breached(), a.content(), a.demand(), a.contractNumber(),
        a.history().stream().map(h -> new Event(h.statusText(), at(h.at(), zone, zoneLabel), h.note())).toList(),
        a.conclusions().stream().map(k -> new Opinion(groupName(k.group()), userName(k.author()),
            at(k.at(), zone, zoneLabel), k.text())).toList(),
        a.information().stream().map(i -> new Event("Информация от клиента", at(i.receivedAt(), zone, zoneLabel),
            i.note())).toList(),
        documents, kinds);
  }

  private Document document(CaseDocument d) {
    return new Document(d.id(), KIND_NAMES.getOrDefault(d.kind(), d.kind().name()), d.fileName(), size(d.sizeBytes()),
        userName(d.uploadedBy()), DAY_TIME.format(d.uploadedAt().atZone(zoneOf(d.caseNumber()))), d.sha256());
  }

  /** KZ-… and KZR-… cases count in Almaty, every other case in Moscow. */
  private static ZoneId zoneOf(String caseNumber) {
    return (caseNumber != null && caseNumber.startsWith("KZ") ? Jurisdiction.KZ : Jurisdiction.RU).zone();
  }

  private static String at(String iso, ZoneId zone, String zoneLabel) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return DAY_TIME.format(OffsetDateTime.parse(iso).atZoneSameInstant(zone)) + " (" + zoneLabel + ")";
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private static String channel(String code) {
    try {
      return Channel.valueOf(code).russianName();
    } catch (IllegalArgumentException | NullPointerException e) {
      return code;
    }
  }

  private static String groupName(String id) {
    return id == null ? null : AppGroup.byId(id).map(AppGroup::russianName).orElse(id);
  }

  private static String groups(String csv) {
    if (csv == null || csv.isBlank()) {
      return null;
    }
    return String.join(", ", Arrays.stream(csv.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty())
        .map(CaseCards::groupName).toList());
  }

  private String userName(String userId) {
    if (userId == null || "system".equals(userId)) {
      return "Appeal Desk (автоматически)";
    }
    User u = identity.createUserQuery().userId(userId).singleResult();
    if (u == null) {
      return userId;
    }
    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
        + (u.getLastName() == null ? "" : u.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " Б";
    }
    if (bytes < 1024 * 1024) {
      return Math.round(bytes / 1024.0) + " КБ";
    }
    return String.format(java.util.Locale.ROOT, "%.1f МБ", bytes / (1024.0 * 1024.0)).replace('.', ',');
  }

  /**
   * Runs a read as the system once {@link CaseAccess} has said yes: the card shows the whole case (history, other units'
   * conclusions, the names of colleagues) that the engine's per-task grants would hide; the viewer's engine
   * authentication is restored afterwards.
   */
  private <T> T asSystem(Supplier<T> read) {
    var current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }
}

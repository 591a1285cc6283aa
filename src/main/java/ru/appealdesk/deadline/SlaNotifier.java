package ru.appealdesk.deadline;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.appealdesk.mail.MailOutbox;

/**
 * Reminders and escalations to people, through the mail outbox (never SMTP inside the step that decides them): the
 * assignee of the holding task if it has one, otherwise every member of its groups; escalations to the members of the
 * escalation group. Users without an e-mail address are skipped (and logged by id).
 */
@Component
class SlaNotifier {

  private static final Logger log = LoggerFactory.getLogger(SlaNotifier.class);
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final MailOutbox outbox;
  private final IdentityService identity;
  private final DeadlineProperties properties;

  SlaNotifier(MailOutbox outbox, IdentityService identity, DeadlineProperties properties) {
    this.outbox = outbox;
    this.identity = identity;
    this.properties = properties;
  }

  /** Reminder on the last working day, to {@code assignee} or the members of {@code groups} (comma-separated). */
  int remind(SlaEvent e, String assignee) {
    List<String> to = assignee != null ? addresses(List.of(assignee)) : groupAddresses(e.group());
    String subject = "Напоминание: срок по обращению " + e.caseNumber() + " истекает " + due(e);
    String text = "Здравствуйте!\n\nСрок " + clockOrStep(e) + " по делу " + e.caseNumber() + " истекает " + due(e)
        + " (" + zone(e) + ").\nПожалуйста, завершите задачу в Tasklist: " + properties.tasklistUrl()
        + "\n\nAppeal Desk";
    return queue(e, "REMINDER", to, subject, text);
  }

  /** Escalation after the deadline to the members of the escalation group (RU appeals controller, KZ officer). */
  int escalate(SlaEvent e) {
    List<String> to = groupAddresses(e.escalationGroup());
    String subject = "Просрочка: дело " + e.caseNumber() + (e.stepName() == null ? "" : ", этап «" + e.stepName() + "»");
    String text = "Здравствуйте!\n\nСрок " + (CaseClock.ANSWER.equals(e.clock()) ? "ответа"
        : CLOCKS.getOrDefault(String.valueOf(e.clock()), what(e))) + " по делу "
        + e.caseNumber() + " истёк " + due(e) + " (" + zone(e) + ").\nДело находится на этапе: "
        + (e.heldBy() != null ? e.heldBy() : e.stepName() == null ? e.step() : "«" + e.stepName() + "»")
        + (e.group() == null ? "" : "\nОтветственная группа: " + e.group()) + ".\nЗадача эскалации ждёт вас в Tasklist: "
        + properties.tasklistUrl() + "\n\nAppeal Desk";
    return queue(e, "ESCALATION", to, subject, text);
  }

  private int queue(SlaEvent e, String purpose, List<String> to, String subject, String text) {
    if (to.isEmpty()) {
      log.warn("No e-mail recipients for the {} of case {} (group {})", purpose, e.caseNumber(), e.group());
      return 0;
    }
    return outbox.enqueue(e.caseNumber(), purpose, to, subject, text);
  }

  private List<String> groupAddresses(String groups) {
    if (groups == null || groups.isBlank()) {
      return List.of();
    }
    // The members come with their addresses: one query per group, not one more per member (issue 19, the storm).
    Map<String, User> members = new LinkedHashMap<>();
    for (String g : groups.split(",")) {
      if (!g.isBlank()) {
        identity.createUserQuery().memberOfGroup(g.strip()).list().forEach(u -> members.putIfAbsent(u.getId(), u));
      }
    }
    return emails(members.values());
  }

  private List<String> addresses(List<String> userIds) {
    List<User> users = new ArrayList<>();
    for (String id : userIds) {
      User u = identity.createUserQuery().userId(id).singleResult();
      if (u == null) {
        log.info("User {} does not exist: no deadline notification", id);
        continue;
      }
      users.add(u);
    }
    return emails(users);
  }

  private static List<String> emails(Collection<User> users) {
    Set<String> result = new LinkedHashSet<>();
    for (User u : users) {
      if (u.getEmail() == null || u.getEmail().isBlank()) {
        log.info("User {} has no e-mail address: no deadline notification", u.getId());
        continue;
      }
      result.add(u.getEmail());
    }
    return List.copyOf(result);
  }

  /** The regulatory clocks of other diagrams by what their deadline is for (KZ restructuring, issue 13). */
  private static final Map<String, String> CLOCKS = Map.of(
      "DECISION", "решения по заявлению об изменении условий договора",
      "OMBUDSMAN_EXECUTION", "исполнения решения микрофинансового омбудсмана");

  private static String clockOrStep(SlaEvent e) {
    String clock = e.clock() == null ? null : CLOCKS.get(e.clock());
    return clock != null ? clock + " (дело на этапе «" + (e.stepName() == null ? e.step() : e.stepName()) + "»)"
        : what(e);
  }

  private static String what(SlaEvent e) {
    return e.stepName() == null || e.stepName().isBlank() ? "этапа " + e.step() : "этапа «" + e.stepName() + "»";
  }

  private static String due(SlaEvent e) {
    return DUE.format(e.dueAt().atZone(e.jurisdiction().zone()));
  }

  private static String zone(SlaEvent e) {
    return e.jurisdiction() == Jurisdiction.KZ ? "время Алматы" : "московское время";
  }
}

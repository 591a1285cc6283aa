package ru.appealdesk.deadline;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails reminders and escalations to people: the assignee of the task if it has one, otherwise every member of the
 * group. Users without an e-mail address are skipped (and logged); a failing SMTP server fails the job, which the
 * engine retries (the delegates run behind {@code camunda:asyncBefore}).
 */
@Component
class SlaNotifier {

  private static final Logger log = LoggerFactory.getLogger(SlaNotifier.class);
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final JavaMailSender mail;
  private final IdentityService identity;
  private final TaskService tasks;
  private final DeadlineProperties properties;

  SlaNotifier(JavaMailSender mail, IdentityService identity, TaskService tasks, DeadlineProperties properties) {
    this.mail = mail;
    this.identity = identity;
    this.tasks = tasks;
    this.properties = properties;
  }

  /** Reminder before the deadline to the assignee, or to the candidate group when nobody has claimed the task. */
  int remind(SlaEvent e) {
    String assignee = tasks.createTaskQuery().processInstanceId(e.processInstanceId()).taskDefinitionKey(e.step())
        .active().listPage(0, 1).stream().findFirst().map(Task::getAssignee).orElse(null);
    List<String> to = assignee != null ? addresses(List.of(assignee)) : groupAddresses(e.group());
    String subject = "Напоминание: срок по обращению " + e.caseNumber() + " истекает " + due(e);
    String text = "Здравствуйте!\n\nСрок этапа «" + name(e) + "» по обращению " + e.caseNumber()
        + " истекает " + due(e) + " (" + zone(e) + ").\nПожалуйста, завершите задачу в Tasklist: "
        + properties.tasklistUrl() + "\n\nAppeal Desk";
    return send(to, subject, text, e);
  }

  /** Escalation after the deadline to the members of the escalation group (RU appeals controller, KZ officer). */
  int escalate(SlaEvent e) {
    List<String> to = groupAddresses(e.escalationGroup());
    String subject = "Просрочка: обращение " + e.caseNumber() + ", этап «" + name(e) + "»";
    String text = "Здравствуйте!\n\nСрок этапа «" + name(e) + "» по обращению " + e.caseNumber() + " истёк "
        + due(e) + " (" + zone(e) + "), задача не завершена.\nОтветственная группа: "
        + (e.group() == null ? "не указана" : e.group()) + ".\nЗадача эскалации ждёт вас в Tasklist: "
        + properties.tasklistUrl() + "\n\nAppeal Desk";
    return send(to, subject, text, e);
  }

  private int send(List<String> to, String subject, String text, SlaEvent e) {
    if (to.isEmpty()) {
      log.warn("No e-mail recipients for {} of case {} (group {})", subject, e.caseNumber(), e.group());
      return 0;
    }
    List<SimpleMailMessage> messages = new ArrayList<>();
    for (String address : to) {
      SimpleMailMessage m = new SimpleMailMessage();
      m.setFrom(properties.mailFrom());
      m.setTo(address);
      m.setSubject(subject);
      m.setText(text);
      messages.add(m);
    }
    mail.send(messages.toArray(SimpleMailMessage[]::new));
    return messages.size();
  }

  private List<String> groupAddresses(String group) {
    if (group == null || group.isBlank()) {
      return List.of();
    }
    List<String> ids = identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
    return addresses(ids);
  }

  private List<String> addresses(List<String> userIds) {
    Set<String> result = new LinkedHashSet<>();
    for (String id : userIds) {
      User u = identity.createUserQuery().userId(id).singleResult();
      if (u == null || u.getEmail() == null || u.getEmail().isBlank()) {
        log.info("User {} has no e-mail address: no deadline notification", id);
        continue;
      }
      result.add(u.getEmail());
    }
    return List.copyOf(result);
  }

  private static String name(SlaEvent e) {
    return e.stepName() == null || e.stepName().isBlank() ? e.step() : e.stepName();
  }

  private static String due(SlaEvent e) {
    return DUE.format(e.dueAt().atZone(e.jurisdiction().zone()));
  }

  private static String zone(SlaEvent e) {
    return e.jurisdiction() == Jurisdiction.KZ ? "время Алматы" : "московское время";
  }
}

package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * The contract's reminder/escalation pattern (test-only BPMN bpmn-test/sla-pattern-test.bpmn): the reminder fires at
 * the start of the last working day, the escalation appears after the deadline with a breach record and e-mails, and
 * a task completed in time escalates nothing.
 */
class SlaEscalationProcessTest extends AbstractIntegrationTest {

  static final String PROCESS = "sla-pattern-test";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  DeadlineService deadlines;
  @Autowired
  SlaBreaches breaches;
  @Autowired
  ru.appealdesk.mail.MailOutbox outbox;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void deploy() {
    ProcessFixtures.deploy(repositoryService, ProcessFixtures.SLA_PATTERN);
  }

  private static Date moscow(String localDateTime) {
    return ProcessFixtures.local(Jurisdiction.RU, localDateTime);
  }

  private static Date almaty(String localDateTime) {
    return ProcessFixtures.local(Jurisdiction.KZ, localDateTime);
  }

  private ProcessInstance start(String jurisdiction, String group, Date received, int workingDays) {
    ClockUtil.setCurrentTime(received);
    String caseNumber = "SLA-" + UUID.randomUUID();
    Date due = deadlines.due(jurisdiction, received, workingDays, "WORKING_DAYS");
    return runtimeService.startProcessInstanceByKey(PROCESS, caseNumber, Map.of("jurisdiction", jurisdiction,
        "responsibleGroup", group, "answerDueAt", due, "appealNumber", caseNumber));
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private List<MimeMessage> mailsAbout(String caseNumber) {
    // The scheduled outbox poller may hold a row of this case right now (skip locked): wait until it is sent.
    long until = System.currentTimeMillis() + 10_000;
    while (pendingMails(caseNumber) > 0 && System.currentTimeMillis() < until) {
      outbox.sendDue();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Arrays.stream(receivedMessages()).filter(m -> {
      try {
        return m.getSubject().contains(caseNumber);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private int pendingMails(String caseNumber) {
    Integer n = jdbc.queryForObject("select count(*) from mail_outbox where case_number = ? and outcome = 'PENDING'",
        Integer.class, caseNumber);
    return n == null ? 0 : n;
  }

  private MimeMessage[] receivedMessages() {
    outbox.sendDue();
    return SMTP.getReceivedMessages();
  }

  private static List<String> recipients(List<MimeMessage> mails) {
    return mails.stream().flatMap(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).map(Address::toString);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String email(AppGroup group) {
    return DemoUsers.of(group).id() + "@appealdesk.local";
  }

  @Test
  void remindsOnTheLastWorkingDayAndEscalatesAfterTheDeadline() throws Exception {
    // Tuesday 3 Nov 2026 10:00 Moscow, 3 working days: 4 Nov is a holiday -> due Monday 9 Nov 23:59:59
    ProcessInstance pi = start("RU", AppGroup.LEGAL.id(), moscow("2026-11-03T10:00"), 3);
    String caseNumber = pi.getBusinessKey();
    assertThat(pi).isWaitingAt("Task_PrepareAnswer");
    assertThat(task(pi)).hasCandidateGroup("legal").hasDueDate(moscow("2026-11-09T23:59:59"));
    assertThat(timer(pi, "Timer_PrepareAnswerReminder").getDuedate()).isEqualTo(moscow("2026-11-09T00:00"));
    assertThat(timer(pi, "Timer_PrepareAnswerOverdue").getDuedate()).isEqualTo(moscow("2026-11-09T23:59:59"));

    // Monday 9 Nov, start of the last working day: the reminder goes to the legal department
    ClockUtil.setCurrentTime(moscow("2026-11-09T00:00:01"));
    execute(timer(pi, "Timer_PrepareAnswerReminder"));
    assertThat(pi).isWaitingAt("Task_PrepareAnswer", "Task_SendReminder");
    execute(job("Task_SendReminder", pi));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(mailsAbout(caseNumber)).hasSize(1));
    List<MimeMessage> reminders = mailsAbout(caseNumber);
    assertThat(reminders.get(0).getSubject()).startsWith("Напоминание").contains("09.11.2026 23:59");
    assertThat(recipients(reminders)).containsExactly(email(AppGroup.LEGAL));
    assertThat(breaches.isBreached(caseNumber)).isFalse();
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_EscalationPrepareAnswer").count()).isZero();

    // Tuesday 10 Nov: the deadline has passed, the task is still open
    ClockUtil.setCurrentTime(moscow("2026-11-10T00:00:01"));
    execute(timer(pi, "Timer_PrepareAnswerOverdue"));
    long escalationDecisions = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(EscalationGroups.DECISION).count();
    execute(job("Task_RecordBreach", pi));
    // the breach and the escalation task's candidate group come from one evaluation of the escalation table
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(EscalationGroups.DECISION)
        .count()).isEqualTo(escalationDecisions + 1);
    assertThat(pi).isWaitingAt("Task_PrepareAnswer", "Task_EscalationPrepareAnswer");
    Task escalation = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_EscalationPrepareAnswer").singleResult();
    assertThat(escalation).hasCandidateGroup("appeals-controller").hasDueDate(moscow("2026-11-11T23:59:59"));

    assertThat(breaches.isBreached(caseNumber)).isTrue();
    SlaBreach breach = breaches.forCase(caseNumber).get(0);
    assertThat(breach.getStep()).isEqualTo("Task_PrepareAnswer");
    assertThat(breach.getStepName()).isEqualTo("Подготовить ответ");
    assertThat(breach.getGroupId()).isEqualTo("legal");
    assertThat(breach.getEscalationGroup()).isEqualTo("appeals-controller");
    assertThat(breach.getJurisdiction()).isEqualTo(Jurisdiction.RU);
    assertThat(breach.getDueAt()).isEqualTo(moscow("2026-11-09T23:59:59").toInstant());
    assertThat(breach.getBreachedAt()).isEqualTo(moscow("2026-11-10T00:00:01").toInstant());

    // the scheduled outbox poller may be sending the row right now (skip locked): wait for it instead of racing it
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(mailsAbout(caseNumber)).hasSize(2));
    List<MimeMessage> all = mailsAbout(caseNumber);
    // GreenMail lists received mail per mailbox, not in arrival order: pick the escalation by its subject
    MimeMessage escalationMail = all.stream().filter(m -> {
      try {
        return m.getSubject().startsWith("Просрочка");
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
    assertThat(escalationMail.getSubject()).startsWith("Просрочка").contains("Подготовить ответ");
    assertThat(recipients(List.of(escalationMail))).containsExactly(email(AppGroup.APPEALS_CONTROLLER));

    // idempotent per (case, step): the second record inserts nothing and keeps the first one's content
    assertThat(breaches.record(new SlaEvent(caseNumber, pi.getId(), "Task_PrepareAnswer", "Task_PrepareAnswer", null,
        "legal", null, Instant.now(), Jurisdiction.RU, "appeals-controller"))).isEmpty();
    assertThat(breaches.forCase(caseNumber)).singleElement().satisfies(b -> {
      assertThat(b.getId()).isEqualTo(breach.getId());
      assertThat(b.getStepName()).isEqualTo("Подготовить ответ");
      assertThat(b.getDueAt()).isEqualTo(moscow("2026-11-09T23:59:59").toInstant());
    });

    // the late answer and the escalation both complete the instance
    complete(task("Task_PrepareAnswer", pi));
    complete(escalation);
    assertThat(pi).isEnded().hasPassed("End_Answered", "End_Reminded", "End_Escalated");
  }

  @Test
  void anAppealAnsweredInTimeEscalatesNothing() {
    ProcessInstance pi = start("RU", AppGroup.BRANCH_HEAD.id(), moscow("2026-11-03T10:00"), 3);
    ClockUtil.setCurrentTime(moscow("2026-11-06T15:00"));
    complete(task("Task_PrepareAnswer", pi));
    assertThat(pi).isEnded().hasPassed("End_Answered").hasNotPassed("Task_SendReminder", "Task_RecordBreach");
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(breaches.isBreached(pi.getBusinessKey())).isFalse();
    assertThat(mailsAbout(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void kazakhTaskEscalatesToTheClientRightsOfficerAndRemindsTheAssigneeOnly() throws Exception {
    // Tuesday 26 May 2026 in Almaty, 1 working day: 27 May is Kurban Ait -> due Thursday 28 May
    ProcessInstance pi = start("KZ", AppGroup.KZ_COMPLAINTS.id(), almaty("2026-05-26T11:00"), 1);
    assertThat(task(pi)).hasDueDate(almaty("2026-05-28T23:59:59"));
    taskService.claim(task(pi).getId(), DemoUsers.of(AppGroup.KZ_COMPLAINTS).id());

    ClockUtil.setCurrentTime(almaty("2026-05-28T08:00"));
    execute(timer(pi, "Timer_PrepareAnswerReminder"));
    execute(job("Task_SendReminder", pi));
    assertThat(recipients(mailsAbout(pi.getBusinessKey()))).containsExactly(email(AppGroup.KZ_COMPLAINTS));

    ClockUtil.setCurrentTime(almaty("2026-05-29T09:00"));
    execute(timer(pi, "Timer_PrepareAnswerOverdue"));
    execute(job("Task_RecordBreach", pi));
    Task escalation = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_EscalationPrepareAnswer").singleResult();
    assertThat(escalation).hasCandidateGroup("client-rights-officer");
    assertThat(breaches.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(b -> assertThat(b.getEscalationGroup()).isEqualTo("client-rights-officer"));
    List<MimeMessage> mails = mailsAbout(pi.getBusinessKey());
    assertThat(mails).hasSize(2);
    // GreenMail lists mail per mailbox, not in arrival order: pick the escalation by its subject
    MimeMessage escalationMail = mails.stream().filter(m -> {
      try {
        return m.getSubject().startsWith("Просрочка");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
    assertThat(recipients(List.of(escalationMail))).containsExactly(email(AppGroup.CLIENT_RIGHTS_OFFICER));
    assertThat(escalationMail.getContent().toString()).contains("28.05.2026 23:59")
        .contains("время Алматы");
  }

  @Test
  void groupMembersWithoutAnEmailAreSkipped() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String groupId = "sla-test-" + suffix;
    Group group = identityService.newGroup(groupId);
    group.setName("SLA test");
    identityService.saveGroup(group);
    User withMail = identityService.newUser("slaa" + suffix);
    withMail.setEmail("slaa" + suffix + "@appealdesk.local");
    identityService.saveUser(withMail);
    User withoutMail = identityService.newUser("slab" + suffix);
    identityService.saveUser(withoutMail);
    identityService.createMembership(withMail.getId(), groupId);
    identityService.createMembership(withoutMail.getId(), groupId);
    try {
      ProcessInstance pi = start("RU", groupId, moscow("2026-11-03T10:00"), 3);
      ClockUtil.setCurrentTime(moscow("2026-11-09T00:00:01"));
      execute(timer(pi, "Timer_PrepareAnswerReminder"));
      execute(job("Task_SendReminder", pi));
      assertThat(recipients(mailsAbout(pi.getBusinessKey()))).containsExactly("slaa" + suffix + "@appealdesk.local");
      runtimeService.deleteProcessInstance(pi.getId(), "test done");
    } finally {
      identityService.deleteUser(withMail.getId());
      identityService.deleteUser(withoutMail.getId());
      identityService.deleteGroup(groupId);
    }
  }
}

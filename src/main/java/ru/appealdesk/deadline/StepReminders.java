package ru.appealdesk.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The step reminders (issue 13): every {@code appealdesk.deadlines.reminder-sweep} (default 5 minutes) the open tasks
 * whose follow-up date (the start of their last working day, see {@link StepRemindersPlugin}) has come and whose due
 * date has not yet passed get one reminder each, queued in the mail outbox; table {@code sla_reminder} remembers it.
 * One node works at a time (a PostgreSQL advisory lock), so two nodes never remind twice.
 */
@Service
public class StepReminders {

  private static final Logger log = LoggerFactory.getLogger(StepReminders.class);
  private static final long LOCK = 0x41444b5245L; // "ADKRE"
  private static final int PAGE = 200;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final SlaNotifier notifier;
  private final TransactionTemplate tx;

  private final EscalationGroups escalation;

  StepReminders(TaskService tasks, RuntimeService runtime, JdbcClient jdbc, SlaNotifier notifier,
      PlatformTransactionManager transactions, EscalationGroups escalation) {
    this.escalation = escalation;
    this.tasks = tasks;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.notifier = notifier;
    this.tx = new TransactionTemplate(transactions);
  }

  @Scheduled(fixedDelayString = "${appealdesk.deadlines.reminder-sweep:5m}",
      initialDelayString = "${appealdesk.deadlines.reminder-sweep:5m}")
  void scheduled() {
    sweep();
  }

  /** Queues the reminders that are due now; returns how many tasks were reminded. */
  public int sweep() {
    Integer n = tx.execute(s -> {
      Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:k)").param("k", LOCK).query(Boolean.class).single();
      if (!Boolean.TRUE.equals(locked)) {
        return 0;
      }
      Instant now = Now.instant();
      int reminded = 0;
      int first = 0;
      List<Task> page;
      do {
        page = tasks.createTaskQuery().active().followUpBefore(Date.from(now)).dueAfter(Date.from(now))
            .orderByTaskId().asc().listPage(first, PAGE);
        for (Task t : page) {
          if (remind(t, now)) {
            reminded++;
          }
        }
        first += PAGE;
      } while (page.size() == PAGE);
      return reminded;
    });
    if (n != null && n > 0) {
      log.info("Step reminders queued for {} task(s)", n);
    }
    return n == null ? 0 : n;
  }

  private boolean remind(Task t, Instant now) {
    String caseNumber = caseNumber(t);
    int inserted = jdbc.sql("insert into sla_reminder (task_id, case_number, step, sent_at) values (:id, :n, :step, :at)"
            + " on conflict do nothing")
        .param("id", t.getId()).param("n", caseNumber).param("step", t.getTaskDefinitionKey())
        .param("at", java.sql.Timestamp.from(now)).update();
    if (inserted == 0) {
      return false;
    }
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null) {
        groups.add(l.getGroupId());
      }
    }
    Object j = runtime.getVariable(t.getExecutionId(), "jurisdiction");
    Jurisdiction jurisdiction = Jurisdiction.of(j == null ? null : j.toString());
    SlaEvent e = new SlaEvent(caseNumber, t.getProcessInstanceId(), "STEP", t.getTaskDefinitionKey(), t.getName(),
        groups.isEmpty() ? null : String.join(",", groups), null, t.getDueDate().toInstant(),
        jurisdiction, escalation.of(jurisdiction));
    notifier.remind(e, t.getAssignee());
    return true;
  }

  private String caseNumber(Task t) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
        .singleResult();
    return pi == null || pi.getBusinessKey() == null ? t.getProcessInstanceId() : pi.getBusinessKey();
  }
}

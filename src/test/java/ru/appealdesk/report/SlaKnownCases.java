package ru.appealdesk.report;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import ru.appealdesk.appeal.AppealFlows;

/**
 * The set of cases with known outcomes behind the SLA report tests (API, page, retention), made once per Spring
 * context in September 2026, a month no other test uses:
 *
 * <pre>
 * A  RU complaint LOAN_TERMS  e-mail   received 01.09 01:00 MSK (31.08 in UTC!)  answered 04.09 01:00: 3.0 days, on time
 * B  RU complaint LOAN_TERMS  e-mail   received 02.09 10:00, due 16.09, breached at Task_PrepareAnswer (legal) on
 *                                      18.09, answered 18.09 10:00: 16.0 days, late
 * C  RU complaint LOAN_TERMS  e-mail   received 03.09 10:00, due 17.09, breached on 18.09, still open: overdue
 * D  RU complaint OFFICE_HOURS website received 30.09 10:00, branch-head, due 05.10 23:59:59: open, not yet late
 * X  RU complaint LOAN_TERMS  e-mail   received 01.10 01:00 MSK (30.09 in UTC!): outside the period
 * K  KZ complaint LOAN_TERMS  e-mail   received 10.09 10:00 ALMT, 15 calendar days: open, late, timer not run yet
 * </pre>
 *
 * The report is read at {@link #REPORT_TIME} (05.10.2026 12:00 Moscow).
 */
@Component
public class SlaKnownCases {

  public static final String FROM = "2026-09-01";
  public static final String TO = "2026-09-30";
  public static final String REPORT_TIME = "2026-10-05T12:00:00+03:00";

  public record Known(String a, String b, String c, String d, String x, String k) {}

  @Autowired
  AppealFlows flows;
  @Autowired
  TaskService taskService;

  private Known known;

  /** The cases, made on the first call (the clock is left at {@link #REPORT_TIME}). */
  public synchronized Known ensure() {
    if (known == null) {
      known = make();
    }
    AppealFlows.now(REPORT_TIME);
    return known;
  }

  private ProcessInstance start(String jurisdiction, String subject, String channel, String received) {
    AppealFlows.now(received);
    return flows.start(AppealFlows.appeal(jurisdiction, "COMPLAINT", subject, channel,
        AppealFlows.client(AppealFlows.document()), true, false, received));
  }

  private void answerAndDeliver(ProcessInstance pi, String at) {
    AppealFlows.now(at);
    flows.answer(pi);
    taskService.claim(task("Task_ApproveAnswer", pi).getId(), "branchhead");
    flows.approve(pi, true);
    execute(job("Task_DeliverByEmail", pi));
  }

  private Known make() {
    try {
      ProcessInstance a = start("RU", "LOAN_TERMS", "EMAIL", "2026-09-01T01:00:00+03:00");
      flows.conclude(a);
      ProcessInstance b = start("RU", "LOAN_TERMS", "EMAIL", "2026-09-02T10:00:00+03:00");
      flows.conclude(b);
      ProcessInstance c = start("RU", "LOAN_TERMS", "EMAIL", "2026-09-03T10:00:00+03:00");
      flows.conclude(c);
      answerAndDeliver(a, "2026-09-04T01:00:00+03:00");
      ProcessInstance k = start("KZ", "LOAN_TERMS", "EMAIL", "2026-09-10T10:00:00+05:00");

      AppealFlows.now("2026-09-18T00:00:01+03:00");
      execute(flows.timer(b, "Timer_AnswerDeadline"));
      execute(flows.timer(c, "Timer_AnswerDeadline"));
      answerAndDeliver(b, "2026-09-18T10:00:00+03:00");

      ProcessInstance d = start("RU", "OFFICE_HOURS", "WEBSITE", "2026-09-30T10:00:00+03:00");
      ProcessInstance x = start("RU", "LOAN_TERMS", "EMAIL", "2026-10-01T01:00:00+03:00");
      return new Known(a.getBusinessKey(), b.getBusinessKey(), c.getBusinessKey(), d.getBusinessKey(),
          x.getBusinessKey(), k.getBusinessKey());
    } finally {
      ClockUtil.reset();
    }
  }
}

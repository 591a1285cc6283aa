package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;

/** A timer written in the BPMN XML as {@code ${deadlines.workingDays(execution, 3)}} honours the holidays. */
class WorkingDayTimerProcessTest extends AbstractIntegrationTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;

  @BeforeEach
  void deploy() {
    ProcessFixtures.deploy(repositoryService, ProcessFixtures.WORKING_DAY_TIMER);
  }

  private static Date local(Jurisdiction j, String localDateTime) {
    return ProcessFixtures.local(j, localDateTime);
  }

  @Test
  void russianTimerSkipsNationalUnityDay() {
    // Tuesday 3 Nov 2026: 4 Nov is a holiday, so 3 working days end on Monday 9 Nov (not Friday 6 Nov)
    ClockUtil.setCurrentTime(local(Jurisdiction.RU, "2026-11-03T10:00"));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("timer-working-days-test", Map.of("jurisdiction", "RU"));
    assertThat(pi).isWaitingAt("Timer_ThreeWorkingDays");
    assertThat(job("Timer_ThreeWorkingDays", pi).getDuedate()).isEqualTo(local(Jurisdiction.RU, "2026-11-09T23:59:59"));

    // fired at its due time; the next task's due date: 15 calendar days = Tue 24 Nov 2026
    ClockUtil.setCurrentTime(local(Jurisdiction.RU, "2026-11-09T23:59:59"));
    execute(job("Timer_ThreeWorkingDays", pi));
    assertThat(pi).isWaitingAt("Task_Check");
    assertThat(task(pi)).hasCandidateGroup("appeals-controller")
        .hasDueDate(local(Jurisdiction.RU, "2026-11-24T23:59:59"));
    complete(task(pi));
    assertThat(pi).isEnded();
  }

  @Test
  void kazakhTimerSkipsKurbanAitAndCalendarDaysMoveOffTheWeekend() {
    // Tuesday 26 May 2026 in Almaty: 27 May is Kurban Ait -> 28, 29 May, 1 June
    ClockUtil.setCurrentTime(local(Jurisdiction.KZ, "2026-05-26T10:00"));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("timer-working-days-test", Map.of("jurisdiction", "KZ"));
    assertThat(job("Timer_ThreeWorkingDays", pi).getDuedate()).isEqualTo(local(Jurisdiction.KZ, "2026-06-01T23:59:59"));

    // fired on Tuesday 2 June: 15 calendar days = Wednesday 17 June
    ClockUtil.setCurrentTime(local(Jurisdiction.KZ, "2026-06-02T00:00:05"));
    execute(job("Timer_ThreeWorkingDays", pi));
    assertThat(task(pi)).hasCandidateGroup("client-rights-officer")
        .hasDueDate(local(Jurisdiction.KZ, "2026-06-17T23:59:59"));
    complete(task(pi));
    assertThat(pi).isEnded();
  }
}

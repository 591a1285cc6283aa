package ru.appealdesk.appeal;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Drives {@code appeal-handling} in tests as Tasklist does: intake, then task by task with the forms' values. */
@Component
public class AppealFlows {

  @Autowired
  AppealIntake intake;
  @Autowired
  AppealQueries queries;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;

  public static Date at(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }

  public static void now(String offsetDateTime) {
    ClockUtil.setCurrentTime(at(offsetDateTime));
  }

  public static ClientDetails client(String document) {
    return new ClientDetails("Петров Пётр Петрович", "+7 900 555-12-34",
        "petrov-" + document.replaceAll("[^0-9a-z]", "") + "@example.ru", "г. Тула, ул. Мира, д. 5", "300001",
        document);
  }

  public static String document() {
    return "45 07 " + UUID.randomUUID().toString().substring(0, 6);
  }

  /** An appeal received at {@code received}; with complete details it is registered automatically if electronic. */
  public static NewAppeal appeal(String jurisdiction, String type, String subject, String channel,
      ClientDetails client, boolean completeDetails, boolean writtenAnswer, String received) {
    OffsetDateTime r = OffsetDateTime.parse(received);
    return new NewAppeal(jurisdiction, type, subject, channel, r, "KZ".equals(jurisdiction) ? "kk" : "ru", client,
        "Суть обращения с подробностями.", completeDetails ? "Разобраться и ответить" : null,
        completeDetails ? "офис на ул. Мира" : null, completeDetails ? r.minusDays(2) : null,
        completeDetails ? "ДЗ-2026-1" : null, writtenAnswer);
  }

  public ProcessInstance start(NewAppeal a) {
    AppealIntake.Intake result = intake.intake(a, null, null);
    return runtime.createProcessInstanceQuery().processInstanceId(result.appeal().getProcessInstanceId())
        .singleResult();
  }

  public Appeal appeal(ProcessInstance pi) {
    return queries.find(pi.getBusinessKey());
  }

  public AppealView view(ProcessInstance pi) {
    return queries.view(pi.getBusinessKey());
  }

  public List<String> history(ProcessInstance pi) {
    return view(pi).history().stream().map(AppealView.History::status).toList();
  }

  public Job timer(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  public void register(ProcessInstance pi) {
    complete(task("Task_RegisterAppeal", pi), withVariables("originalMarked", true));
  }

  public void conclude(ProcessInstance pi) {
    complete(task("Task_PrepareConclusion", pi), withVariables("conclusionText", "Нарушений со стороны клиента нет."));
  }

  public void answer(ProcessInstance pi) {
    complete(task("Task_PrepareAnswer", pi), withVariables("answerAction", "ANSWER", "answerOutcome", "SATISFIED",
        "answerText", "Уважаемый клиент! Ваше обращение рассмотрено, нарушения устранены."));
  }

  public void approve(ProcessInstance pi, boolean yes) {
    complete(task("Task_ApproveAnswer", pi), yes ? withVariables("answerApproved", "true")
        : withVariables("answerApproved", "false", "approvalComment", "Укажите расчёт пеней"));
  }

  public void revise(ProcessInstance pi) {
    complete(task("Task_ReviseAnswer", pi), withVariables("answerOutcome", "EXPLAINED",
        "answerText", "Уважаемый клиент! Пени начислены по п. 12 договора, расчёт прилагаем."));
  }

  /** The letter sub-process of the case, when one runs. */
  public ProcessInstance letter(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
  }

  public Task letterTask(ProcessInstance pi) {
    ProcessInstance letter = letter(pi);
    return tasks.createTaskQuery().processInstanceId(letter.getId()).singleResult();
  }

  /** Executes the jobs of the letter process (filing the signed copy) until none is left. */
  public void runLetterJobs(ProcessInstance pi) {
    ProcessInstance letter = letter(pi);
    if (letter == null) {
      return;
    }
    while (management.createJobQuery().processInstanceId(letter.getId()).executable().count() > 0) {
      execute(management.createJobQuery().processInstanceId(letter.getId()).executable().list().get(0));
    }
  }

  public void deliver(ProcessInstance pi, String taskKey, String date) {
    complete(task(taskKey, pi), withVariables("deliveryDate", date, "deliveryText", "Ответ доведён до клиента.",
        "deliveryKind", "отправлено почтой", "publishedWhere", "книга отзывов офиса на ул. Мира"));
  }
}

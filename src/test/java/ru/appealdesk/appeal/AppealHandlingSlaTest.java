package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.deadline.SlaBreaches;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * The answer clock of appeal-handling through the API: reminder on the last working day, breach and escalation after
 * the deadline (naming the answer step and its group), listed as overdue for the group.
 */
class AppealHandlingSlaTest extends AbstractIntegrationTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  SlaBreaches breaches;
  @Autowired
  ObjectMapper json;
  @Autowired
  AppealFlows flows;
  @Autowired
  ru.appealdesk.mail.MailOutbox outbox;

  private static Date at(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private List<String> recipientsOfMailsAbout(String number, String subjectStart) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m).contains(number)
        && subject(m).startsWith(subjectStart)).flatMap(m -> {
          try {
            return Arrays.stream(m.getAllRecipients()).map(Address::toString);
          } catch (MessagingException e) {
            throw new IllegalStateException(e);
          }
        }).toList();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void lateLoanTermsComplaintIsRemindedBreachedAndEscalatedToTheController() throws Exception {
    // received Friday 20 Nov 2026 10:00 Moscow, LOAN_TERMS = 10 working days -> Friday 4 Dec 23:59:59
    ClockUtil.setCurrentTime(at("2026-11-20T10:05:00+03:00"));
    HttpResponse<String> r = Http.as(baseUrl(), DemoUsers.of(AppGroup.INTERNET_MARKETER).id(), DemoUsers.PASSWORD)
        .postJson("/api/appeals", AppealApiTest.complaint());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String number = json.readTree(r.body()).get("number").asText();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("appeal-handling").singleResult();
    assertThat(pi).isWaitingAt("Task_PrepareConclusion");
    flows.conclude(pi);
    assertThat(pi).isWaitingAt("Task_PrepareAnswer");
    assertThat(timer(pi, "Timer_AnswerDeadlineReminder").getDuedate()).isEqualTo(at("2026-12-04T00:00:00+03:00"));
    assertThat(timer(pi, "Timer_AnswerDeadline").getDuedate()).isEqualTo(at("2026-12-04T23:59:59+03:00"));

    ClockUtil.setCurrentTime(at("2026-12-04T00:00:01+03:00"));
    execute(timer(pi, "Timer_AnswerDeadlineReminder"));
    outbox.sendDue();
    assertThat(recipientsOfMailsAbout(number, "Напоминание")).contains(DemoUsers.of(AppGroup.LEGAL).id() + "@appealdesk.local");
    assertThat(breaches.isBreached(number)).isFalse();

    ClockUtil.setCurrentTime(at("2026-12-05T00:00:01+03:00"));
    execute(timer(pi, "Timer_AnswerDeadline"));
    outbox.sendDue();
    Task escalation = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_EscalationAnswerDeadline").singleResult();
    assertThat(escalation).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(escalation.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("appeals-controller"));
    assertThat(breaches.isBreached(number)).isTrue();
    assertThat(breaches.forCase(number)).singleElement().satisfies(b -> {
      assertThat(b.getStep()).isEqualTo("Task_PrepareAnswer");
      assertThat(b.getGroupId()).isEqualTo("legal");
      assertThat(b.getDueAt()).isEqualTo(at("2026-12-04T23:59:59+03:00").toInstant());
    });
    assertThat(recipientsOfMailsAbout(number, "Просрочка"))
        .containsExactly(DemoUsers.of(AppGroup.APPEALS_CONTROLLER).id() + "@appealdesk.local");

    HttpResponse<String> overdue = Http.as(baseUrl(), DemoUsers.of(AppGroup.APPEALS_CONTROLLER).id(),
        DemoUsers.PASSWORD).get("/api/deadlines/overdue?group=legal");
    assertThat(overdue.statusCode()).isEqualTo(200);
    assertThat(overdue.body()).contains("\"caseNumber\":\"" + number + "\"");

    // the controller closes the escalation with a note; the case goes on with its answer
    taskService.complete(escalation.getId(), java.util.Map.of("escalationNote", "Юристу продлён срок, ответ завтра."));
    assertThat(pi).hasPassed("End_AnswerDeadlineEscalated").isWaitingAt("Task_PrepareAnswer");
    assertThat(breaches.forCase(number)).singleElement().satisfies(b ->
        assertThat(b.getResolution()).contains("ответ завтра"));
  }
}

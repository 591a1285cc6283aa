package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import ru.appealdesk.casefile.CaseDocument;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.casefile.DocumentKind;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * {@code ${deliverAnswerByEmail}} in a minimal process shaped like the delivery step of {@code appeal-handling}
 * (async before, R5/PT5M), against the GreenMail SMTP server of the test context.
 */
class DeliverAnswerByEmailTest extends AbstractIntegrationTest {

  static final String PROCESS = "test-deliver-answer-by-email";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JavaMailSenderImpl mailSender;
  @Autowired
  CaseFile caseFile;
  @Autowired
  EmailAnswerDelivery delivery;
  @Autowired
  Deliveries deliveries;

  @BeforeEach
  void deployProcess() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
          .camundaHistoryTimeToLive(1)
          .startEvent()
          .serviceTask("Task_DeliverAnswer")
            .camundaAsyncBefore()
            .camundaFailedJobRetryTimeCycle("R5/PT5M")
            .camundaDelegateExpression("${deliverAnswerByEmail}")
          .userTask("Task_AfterDelivery")
          .endEvent()
          .done();
      repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
    }
  }

  @Test
  void russianAnswerArrivesAsTextAndAsPdfWithCyrillicTextAndIsFiledInTheCase() throws Exception {
    String number = "RU-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    ProcessInstance pi = start(number, email, "ru", "COMPLAINT",
        "Ваша жалоба удовлетворена: неустойка списана, кредитная история исправлена.");
    assertThat(pi).isWaitingAt("Task_DeliverAnswer");

    managementService.executeJob(job(pi).getId());

    assertThat(pi).isWaitingAt("Task_AfterDelivery");
    MimeMessage mail = single(email);
    assertThat(mail.getSubject()).isEqualTo("Ответ на обращение № " + number);
    assertThat(mail.getFrom()[0].toString()).contains("no-reply@appealdesk.local");
    Multipart parts = (Multipart) mail.getContent();
    assertThat(text(parts)).contains("Уважаемый(ая) Петрова Анна Сергеевна!")
        .contains("неустойка списана, кредитная история исправлена");
    BodyPart attachment = attachment(parts);
    assertThat(attachment.getFileName()).isEqualTo("answer-" + number + ".pdf");
    assertThat(attachment.getContentType()).startsWith("application/pdf");
    byte[] pdf;
    try (InputStream in = attachment.getInputStream()) {
      pdf = in.readAllBytes();
    }
    assertThat(pdfText(pdf)).contains("Ответ на жалобу № " + number)
        .contains("неустойка списана, кредитная история исправлена")
        .contains("финансовому уполномоченному");

    List<CaseDocument> documents = caseFile.list(number);
    assertThat(documents).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DocumentKind.ANSWER);
      assertThat(d.sha256()).isEqualTo(CaseFile.sha256(pdf));
    });
    assertThat(runtimeService.getVariable(pi.getId(), "deliveredAt")).isInstanceOf(Date.class);
    assertThat((String) runtimeService.getVariable(pi.getId(), "deliveryProof"))
        .contains(mail.getMessageID()).contains(email).contains(documents.get(0).sha256());
  }

  @Test
  void kazakhAppealIsAnsweredInKazakh() throws Exception {
    String number = "KZ-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    ProcessInstance pi = start(number, email, "kk", "APPLICATION", "Сіздің өтінішіңіз қанағаттандырылды.");
    managementService.executeJob(job(pi).getId());

    MimeMessage mail = single(email);
    assertThat(mail.getSubject()).isEqualTo("№ " + number + " өтінішке жауап");
    Multipart parts = (Multipart) mail.getContent();
    assertThat(text(parts)).contains("Құрметті Петрова Анна Сергеевна!");
    try (InputStream in = attachment(parts).getInputStream()) {
      assertThat(pdfText(in.readAllBytes())).contains("өтінішке жауап").contains("қанағаттандырылды");
    }
  }

  @Test
  void smtpFailureRetriesThenRaisesAnIncidentNamingTheAppealAndAfterTheFixDeliversExactlyOnce() throws Exception {
    String number = "RU-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    ProcessInstance pi = start(number, email, "ru", "APPLICATION", "Справка об отсутствии задолженности прилагается.");
    int smtpPort = mailSender.getPort();
    mailSender.setPort(closedPort());
    try {
      for (int attempt = 1; attempt <= 5; attempt++) {
        Job job = job(pi);
        assertThat(job.getRetries()).isEqualTo(6 - attempt);
        assertThatThrownBy(() -> managementService.executeJob(job.getId()))
            .hasMessageContaining(number).hasMessageContaining("не отправлен");
        if (attempt == 1) {
          Job retried = job(pi);
          assertThat(retried.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 4 * 60_000));
          assertThat(retried.getExceptionMessage()).contains(number);
        }
      }
    } finally {
      mailSender.setPort(smtpPort);
    }
    Job failed = job(pi);
    assertThat(failed.getRetries()).isZero();
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("Task_DeliverAnswer");
    assertThat(incident.getIncidentMessage()).contains(number);
    assertThat(SMTP.getReceivedMessages()).noneMatch(m -> to(m, email));
    assertThat(deliveries.ofCase(number)).isEmpty();

    // SMTP fixed: the operator retries the job in Cockpit
    managementService.setJobRetries(failed.getId(), 1);
    managementService.executeJob(failed.getId());

    assertThat(pi).isWaitingAt("Task_AfterDelivery");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(single(email).getSubject()).contains(number);
    assertThat(deliveries.ofCase(number)).hasSize(1);
    assertThat(caseFile.list(number)).hasSize(1);
  }

  @Test
  void aRetryAfterASuccessfulSendDoesNotSendAgain() throws Exception {
    String number = "RU-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    AnswerEmail answer = new AnswerEmail(number, "SUGGESTION", "ru", email, "Петров Пётр", "Спасибо за предложение.");
    String key = "pi-" + unique() + ":Task_DeliverAnswer";

    Delivery first = delivery.deliver(answer, key);
    Delivery second = delivery.deliver(answer, key);

    assertThat(second).isEqualTo(first);
    assertThat(single(email)).isNotNull();
    assertThat(deliveries.ofCase(number)).hasSize(1);
    assertThat(caseFile.list(number)).hasSize(1);
  }

  @Test
  void missingOrInvalidAddressFailsTheJobWithTheAppealNumberAndSendsNothing() {
    String number = "RU-2026-" + unique();
    ProcessInstance pi = start(number, "not an address", "ru", "COMPLAINT", "Ответ");
    assertThatThrownBy(() -> managementService.executeJob(job(pi).getId()))
        .hasMessageContaining(number).hasMessageContaining("неверный адрес");
    ProcessInstance noEmail = start("RU-2026-" + unique(), null, "ru", "COMPLAINT", "Ответ");
    assertThatThrownBy(() -> managementService.executeJob(job(noEmail).getId()))
        .hasMessageContaining("нет адреса e-mail");
    String address = "client-" + unique() + "@example.test";
    ProcessInstance noText = start("RU-2026-" + unique(), address, "ru", "COMPLAINT", " ");
    assertThatThrownBy(() -> managementService.executeJob(job(noText).getId()))
        .hasMessageContaining("нет текста ответа");
    assertThat(SMTP.getReceivedMessages()).noneMatch(m -> to(m, address));
    assertThat(deliveries.ofCase(number)).isEmpty();
  }

  private ProcessInstance start(String number, String email, String language, String type, String answerText) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("appealNumber", number);
    vars.put("clientEmail", email);
    vars.put("language", language);
    vars.put("appealType", type);
    vars.put("clientFullName", "Петрова Анна Сергеевна");
    vars.put("answerText", answerText);
    return runtimeService.startProcessInstanceByKey(PROCESS, number, vars);
  }

  private Job job(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
  }

  private static MimeMessage single(String recipient) {
    List<MimeMessage> mails = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m, recipient)).toList();
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static boolean to(MimeMessage m, String recipient) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Multipart parts) throws Exception {
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart p = parts.getBodyPart(i);
      if (p.getContent() instanceof String s) {
        return s;
      }
      if (p.getContent() instanceof Multipart nested) {
        return text(nested);
      }
    }
    throw new AssertionError("no text part");
  }

  private static BodyPart attachment(Multipart parts) throws Exception {
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart p = parts.getBodyPart(i);
      if (BodyPart.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
        return p;
      }
    }
    throw new AssertionError("no attachment");
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (var doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}

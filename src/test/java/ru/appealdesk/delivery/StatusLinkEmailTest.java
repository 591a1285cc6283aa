package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.appealdesk.appeal.AppealStatusChanged;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 18: an appeal started in Tasklist has no API caller to hand the client the status link, so the client gets it
 * by e-mail — as every appeal with a client e-mail does, whichever way it came in, exactly once.
 */
class StatusLinkEmailTest extends AbstractIntegrationTest {

  private static final Pattern LINK = Pattern.compile("(http://localhost:8080)(/status/([A-Z0-9-]+)\\?token=(\\S+))");

  @Autowired
  ObjectMapper json;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ApplicationEventPublisher events;

  @Test
  void anAppealEnteredInTasklistEMailsTheClientItsNumberAndAWorkingStatusLink() throws Exception {
    String email = "client-" + unique() + "@example.test";
    String number = startInTasklist("RU", "ru", email);

    MimeMessage mail = awaitMails(email, 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Обращение № " + number + " получено");
    String body = (String) mail.getContent();
    assertThat(body).contains("Уважаемый(ая) Орлова Ольга Петровна!").contains("его номер — " + number)
        .contains("ООО МКК «Пример Финанс»");
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as(body).isTrue();
    assertThat(link.group(3)).isEqualTo(number);

    HttpResponse<String> status = Http.anonymous(baseUrl()).send(Http.anonymous(baseUrl()).request(link.group(2))
        .header("Accept", "application/json").GET());
    assertThat(status.statusCode()).as("the token in the link opens the status page").isEqualTo(200);
    assertThat(json.readTree(status.body()).get("number").asText()).isEqualTo(number);
    assertThat(Http.anonymous(baseUrl()).send(Http.anonymous(baseUrl())
        .request("/status/" + number + "?token=wrong").header("Accept", "application/json").GET()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aKazakhAppealGetsTheLinkInKazakh() throws Exception {
    String email = "client-" + unique() + "@example.test";
    String number = startInTasklist("KZ", "kk", email);

    MimeMessage mail = awaitMails(email, 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("№ " + number + " өтініш қабылданды");
    assertThat((String) mail.getContent()).contains("Құрметті Орлова Ольга Петровна!")
        .contains("оның нөмірі — " + number).contains("/status/" + number + "?token=")
        .contains("«Мысал Кредит» МҚҰ ЖШС").doesNotContain("Уважаем").doesNotContain("Ссылка");
  }

  @Test
  void theLinkIsSentOncePerAppealAndOnlyToClientsWithAnAddress() throws Exception {
    String email = "client-" + unique() + "@example.test";
    var created = Http.as(baseUrl(), "webmarketer", "demo").postJson("/api/appeals", """
        {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL","language":"ru",
         "client":{"fullName":"Петров Пётр","email":"%s"},
         "content":"Начислены пени сверх условий договора.","demand":"Пересчитать задолженность"}
        """.formatted(email));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = json.readTree(created.body()).get("number").asText();
    awaitMails(email, 1);

    // the same status published again (a replay, a second node): no second link
    events.publishEvent(new AppealStatusChanged(number, "RU", "RECEIVED", "ru", email, "Петров Пётр", Instant.now()));
    String marker = "client-" + unique() + "@example.test";
    events.publishEvent(new AppealStatusChanged("RU-2026-" + unique(), "RU", "CLOSED", "ru", marker, "X", null));
    awaitMails(marker, 1);
    assertThat(mails(email)).filteredOn(m -> subject(m).endsWith(" получено")).hasSize(1);
    assertThat(jdbc.sql("select count(*) from client_notification where case_number = :n and purpose = 'STATUS_LINK'")
        .param("n", number).query(Long.class).single()).isEqualTo(1);

    String withoutEmail = startInTasklist("RU", "ru", null);
    assertThat(jdbc.sql("select count(*) from client_notification where case_number = :n").param("n", withoutEmail)
        .query(Long.class).single()).isZero();
  }

  private String startInTasklist(String jurisdiction, String language, String email) throws Exception {
    Http officer = Http.as(baseUrl(), "officer", "demo");
    String emailVar = email == null ? "" : ", \"clientEmail\": {\"value\": \"" + email + "\"}";
    HttpResponse<String> started = officer.postJson(
        "/engine-rest/process-definition/key/appeal-handling/submit-form", """
            {"variables": {
              "jurisdiction": {"value": "%s"}, "appealType": {"value": "APPLICATION"},
              "subjectApplication": {"value": "%s"}, "channel": {"value": "OFFICE_WRITTEN"}, "language": {"value": "%s"},
              "clientFullName": {"value": "Орлова Ольга Петровна"}, "clientPhone": {"value": "+7 902 %07d"},
              "appealContent": {"value": "Прошу выдать справку об отсутствии задолженности."}%s}}
            """.formatted(jurisdiction, "DEBT_CERTIFICATE", language,
            (int) (Math.random() * 9_999_999), emailVar));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String number = json.readTree(started.body()).get("businessKey").asText();
    assertThat(number).startsWith(jurisdiction + "-");
    return number;
  }

  private List<MimeMessage> awaitMails(String email, int count) {
    await().atMost(Duration.ofSeconds(15)).until(() -> mails(email).size() >= count);
    return mails(email);
  }

  private static List<MimeMessage> mails(String email) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email));
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}

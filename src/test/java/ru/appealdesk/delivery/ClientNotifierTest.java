package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.appeal.AppealStatusChanged;
import ru.appealdesk.support.AbstractIntegrationTest;

class ClientNotifierTest extends AbstractIntegrationTest {

  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  JavaMailSenderImpl mailSender;

  @Test
  void clientGetsARussianEMailAfterTheStatusChangeIsCommitted() throws Exception {
    String number = "RU-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      events.publishEvent(new AppealStatusChanged(number, "RU", "INFORMATION_REQUESTED", "ru", email,
          "Сидоров Олег", Instant.parse("2026-04-01T07:30:00Z")));
      assertThat(outcome(number)).as("queued in the transaction of the status change").isEqualTo("PENDING");
      assertThat(mailsTo(email)).as("nothing before the commit").isEmpty();
    });

    MimeMessage mail = awaitSingleMail(email);
    assertThat(mail.getSubject()).isEqualTo("Обращение № " + number + ": запрошена дополнительная информация");
    assertThat((String) mail.getContent()).contains("Уважаемый(ая) Сидоров Олег!")
        .contains("изменён: запрошена дополнительная информация").contains("01.04.2026 10:30");
    await().atMost(Duration.ofSeconds(5)).until(() -> outcome(number), "SENT"::equals);
  }

  @Test
  void kazakhAppealIsNotifiedInKazakhInAlmatyTime() throws Exception {
    String number = "KZ-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    events.publishEvent(new AppealStatusChanged(number, "KZ", "REGISTERED", "kk", email, "Ахметов Ерлан",
        Instant.parse("2026-04-01T07:30:00Z")));

    MimeMessage mail = awaitSingleMail(email);
    assertThat(mail.getSubject()).isEqualTo("№ " + number + " өтініш: тіркелді");
    assertThat((String) mail.getContent()).contains("Құрметті Ахметов Ерлан!").contains("01.04.2026 12:30");
  }

  @Test
  void rolledBackStatusChangeAndClientsWithoutEMailGetNothing() throws Exception {
    String number = "RU-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      events.publishEvent(new AppealStatusChanged(number, "RU", "CLOSED", "ru", email, "Сидоров Олег", Instant.now()));
      tx.setRollbackOnly();
    });
    events.publishEvent(new AppealStatusChanged(number, "RU", "CLOSED", "ru", null, "Сидоров Олег", Instant.now()));
    // a later notification of another appeal proves the poller has worked through what was due
    String marker = "client-" + unique() + "@example.test";
    events.publishEvent(new AppealStatusChanged("RU-2026-" + unique(), "RU", "CLOSED", "ru", marker, "X", null));
    awaitSingleMail(marker);

    assertThat(mailsTo(email)).isEmpty();
    assertThat(jdbc.sql("select count(*) from client_notification where case_number = :n").param("n", number)
        .query(Long.class).single()).isZero();
  }

  @Test
  void unknownStatusCodesAreShownAsTheyAre() throws Exception {
    String email = "client-" + unique() + "@example.test";
    events.publishEvent(new AppealStatusChanged("RU-2026-" + unique(), "RU", "SOME_NEW_STATUS", "ru", email, "X",
        null));
    assertThat(awaitSingleMail(email).getSubject()).endsWith(": SOME_NEW_STATUS");
  }

  @Test
  void notificationsSurviveAnUnreachableSmtpServerAndAreSentExactlyOnceWhenItIsBack() throws Exception {
    String number = "RU-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    int smtpPort = mailSender.getPort();
    mailSender.setPort(closedPort());
    try {
      events.publishEvent(new AppealStatusChanged(number, "RU", "IN_PROGRESS", "ru", email, "Сидоров Олег",
          Instant.parse("2026-04-01T07:30:00Z")));
      await().atMost(Duration.ofSeconds(10)).until(() -> attempts(number) > 0);
    } finally {
      mailSender.setPort(smtpPort);
    }
    assertThat(outcome(number)).isEqualTo("PENDING");
    assertThat(attempts(number)).isEqualTo(1);
    assertThat(jdbc.sql("""
            select next_attempt_at > now() + interval '50 seconds' and error is not null
            from client_notification where case_number = :n""").param("n", number).query(Boolean.class).single())
        .as("retried after a minute, the reason stored").isTrue();
    Thread.sleep(1500); // the SMTP server is back, but the row is not due yet: nothing is sent
    assertThat(mailsTo(email)).isEmpty();
    assertThat(outcome(number)).isEqualTo("PENDING");

    jdbc.sql("update client_notification set next_attempt_at = now() where case_number = :n").param("n", number)
        .update();
    MimeMessage mail = awaitSingleMail(email);
    assertThat(mail.getSubject()).isEqualTo("Обращение № " + number + ": готовится ответ");
    await().atMost(Duration.ofSeconds(5)).until(() -> outcome(number), "SENT"::equals);
    assertThat(attempts(number)).isEqualTo(2);
    Thread.sleep(1500);
    assertThat(mailsTo(email)).as("exactly once").hasSize(1);
  }

  @Test
  void afterTheLastAttemptOrWithAnInvalidAddressTheNotificationFailsPermanently() throws Exception {
    String lastChance = "RU-2026-" + unique();
    String invalid = "RU-2026-" + unique();
    events.publishEvent(new AppealStatusChanged(invalid, "RU", "CLOSED", "ru", "not an address", "X", null));
    int smtpPort = mailSender.getPort();
    mailSender.setPort(closedPort());
    try {
      jdbc.sql("""
              insert into client_notification (case_number, status, recipient, language, jurisdiction, outcome,
                  attempts, next_attempt_at)
              values (:n, 'CLOSED', :r, 'ru', 'RU', 'PENDING', 9, now())""")
          .param("n", lastChance).param("r", "client-" + unique() + "@example.test").update();
      await().atMost(Duration.ofSeconds(10)).until(() -> outcome(lastChance), "FAILED_PERMANENTLY"::equals);
    } finally {
      mailSender.setPort(smtpPort);
    }
    assertThat(attempts(lastChance)).isEqualTo(10);
    await().atMost(Duration.ofSeconds(10)).until(() -> outcome(invalid), "FAILED_PERMANENTLY"::equals);
    assertThat(attempts(invalid)).isEqualTo(1);
  }

  private int attempts(String number) {
    return jdbc.sql("select attempts from client_notification where case_number = :n").param("n", number)
        .query(Integer.class).optional().orElse(0);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private String outcome(String number) {
    return jdbc.sql("select outcome from client_notification where case_number = :n").param("n", number)
        .query(String.class).optional().orElse(null);
  }

  private static MimeMessage awaitSingleMail(String email) {
    await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).size() == 1);
    return mailsTo(email).get(0);
  }

  private static List<MimeMessage> mailsTo(String email) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}

package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  @Test
  void clientGetsARussianEMailAfterTheStatusChangeIsCommitted() throws Exception {
    String number = "RU-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      events.publishEvent(new AppealStatusChanged(number, "RU", "INFORMATION_REQUESTED", "ru", email,
          "Сидоров Олег", Instant.parse("2026-04-01T07:30:00Z")));
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
    // a later notification of another appeal proves the notifier thread has worked through the queue
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

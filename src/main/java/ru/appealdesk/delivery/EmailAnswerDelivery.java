package ru.appealdesk.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.casefile.CaseDocument;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.casefile.DocumentKind;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * Sends an answer by e-mail over SMTP: the text in the body, the same answer as a PDF on the company letterhead
 * ({@link LetterDocuments}) as an attachment; files the PDF in the case file and records the delivery.
 *
 * <p>Exactly once: the delivery and the PDF are recorded in their own transaction right after the SMTP server accepted
 * the message, under a delivery key (process instance + activity). A retried job finds the record and does not send
 * again, even when the engine's transaction of the first attempt rolled back after the send.
 */
@Service
public class EmailAnswerDelivery {

  public static final String METHOD = "EMAIL";
  private static final Logger log = LoggerFactory.getLogger(EmailAnswerDelivery.class);

  private final JavaMailSender mail;
  private final LetterDocuments documents;
  private final CaseFile caseFile;
  private final Deliveries deliveries;
  private final DeliveryProperties properties;
  private final TransactionTemplate ownTransaction;

  EmailAnswerDelivery(JavaMailSender mail, LetterDocuments documents, CaseFile caseFile, Deliveries deliveries,
      DeliveryProperties properties, PlatformTransactionManager transactions) {
    this.mail = mail;
    this.documents = documents;
    this.caseFile = caseFile;
    this.deliveries = deliveries;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** @param deliveryKey the same key on every retry of the same delivery */
  public Delivery deliver(AnswerEmail answer, String deliveryKey) {
    var already = deliveries.findByKey(deliveryKey);
    if (already.isPresent()) {
      log.info("Answer to {} already delivered ({}), not sending again", answer.appealNumber(), deliveryKey);
      return already.get();
    }
    InternetAddress to = recipient(answer);
    if (answer.answerText() == null || answer.answerText().isBlank()) {
      throw new DeliveryFailedException("Обращение " + answer.appealNumber() + ": нет текста ответа (answerText)");
    }
    LetterDocuments.AnswerDocument document = documents.answer(answer,
        LocalDate.ofInstant(Deliveries.now(), zone(answer)));
    byte[] answerPdf = document.pdf();
    String fileName = "answer-" + answer.appealNumber() + ".pdf";

    String messageId = send(answer, to, document.email(), document.companyName(), answerPdf, fileName);
    Instant at = Deliveries.now();
    return ownTransaction.execute(tx -> {
      CaseDocument filed = caseFile.store(answer.appealNumber(), DocumentKind.ANSWER, fileName, "application/pdf",
          answerPdf, "system");
      Delivery d = new Delivery(answer.appealNumber(), METHOD, to.getAddress(),
          "E-mail " + messageId + " → " + to.getAddress() + "; PDF SHA-256 " + filed.sha256(), filed.id(), at);
      deliveries.insert(deliveryKey, d, "system");
      return d;
    });
  }

  private String send(AnswerEmail answer, InternetAddress to, TextTemplates.Rendered message, String sender,
      byte[] answerPdf, String fileName) {
    try {
      MimeMessage mime = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(properties.from(), sender);
      helper.setTo(to);
      helper.setSubject(message.subject());
      helper.setText(message.body());
      helper.addAttachment(fileName, new ByteArrayResource(answerPdf), "application/pdf");
      mail.send(mime);
      log.info("Answer to {} sent by e-mail", answer.appealNumber());
      return mime.getMessageID();
    } catch (MailException | MessagingException | java.io.UnsupportedEncodingException e) {
      throw new DeliveryFailedException("Обращение " + answer.appealNumber() + ": ответ не отправлен клиенту"
          + " (SMTP: " + rootMessage(e) + "). Проверьте почтовый сервер и повторите задание.");
    }
  }

  private static ZoneId zone(AnswerEmail answer) {
    return ("KZ".equalsIgnoreCase(answer.jurisdiction()) || answer.appealNumber() != null && answer.appealNumber().startsWith("KZ")
        ? Jurisdiction.KZ : Jurisdiction.RU).zone();
  }

  private static InternetAddress recipient(AnswerEmail answer) {
    if (answer.clientEmail() == null || answer.clientEmail().isBlank()) {
      throw new DeliveryFailedException("Обращение " + answer.appealNumber() + ": у клиента нет адреса e-mail");
    }
    try {
      InternetAddress address = new InternetAddress(answer.clientEmail().strip(), true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new DeliveryFailedException("Обращение " + answer.appealNumber() + ": неверный адрес e-mail клиента"
          + " (исправьте адрес в карточке клиента)");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    // the message of an SMTP rejection may quote the recipient: it ends up in the job's log line and incident
    return t.getClass().getSimpleName()
        + (t.getMessage() == null ? "" : ": " + t.getMessage().replaceAll("[^\\s<>\"'@]+@[^\\s<>\"'@]+", "<адрес>"));
  }
}

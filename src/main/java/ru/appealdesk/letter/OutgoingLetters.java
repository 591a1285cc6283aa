package ru.appealdesk.letter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code outgoing_letter} table and the per-year sequence of outgoing numbers. */
@Repository
public class OutgoingLetters {

  private final JdbcClient jdbc;

  OutgoingLetters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long create(String processInstanceId, String caseNumber, LetterKind kind, String subject, String body,
      String language, String recipientName, String recipientAddress) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into outgoing_letter (process_instance_id, case_number, kind, subject, body, language,
                                         recipient_name, recipient_address)
            values (:pi, :caseNumber, :kind, :subject, :body, :language, :recipientName, :recipientAddress)""")
        .param("pi", processInstanceId)
        .param("caseNumber", caseNumber)
        .param("kind", kind.name())
        .param("subject", subject)
        .param("body", body)
        .param("language", language)
        .param("recipientName", recipientName)
        .param("recipientAddress", recipientAddress)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void setCaseNumber(long id, String caseNumber) {
    jdbc.sql("update outgoing_letter set case_number = :caseNumber where id = :id")
        .param("caseNumber", caseNumber).param("id", id).update();
  }

  void updateDraft(String processInstanceId, String subject, String body, String recipientName,
      String recipientAddress) {
    jdbc.sql("""
            update outgoing_letter set subject = :subject, body = :body, recipient_name = :recipientName,
                                       recipient_address = :recipientAddress
            where process_instance_id = :pi""")
        .param("subject", subject).param("body", body).param("recipientName", recipientName)
        .param("recipientAddress", recipientAddress).param("pi", processInstanceId).update();
  }

  void recordSignature(String processInstanceId, String signedBy) {
    jdbc.sql("update outgoing_letter set signed_by = :signedBy where process_instance_id = :pi")
        .param("signedBy", signedBy).param("pi", processInstanceId).update();
  }

  void recordRegistration(String processInstanceId, String number, LocalDate date, String registeredBy) {
    jdbc.sql("""
            update outgoing_letter set outgoing_number = :number, outgoing_date = :date, registered_by = :by
            where process_instance_id = :pi""")
        .param("number", number).param("date", date).param("by", registeredBy).param("pi", processInstanceId)
        .update();
  }

  void recordDispatch(String processInstanceId, DispatchMethod method, String trackingNumber, Instant sentAt) {
    jdbc.sql("""
            update outgoing_letter set dispatch_method = :method, tracking_number = :tracking, sent_at = :sentAt
            where process_instance_id = :pi""")
        .param("method", method.name()).param("tracking", trackingNumber).param("sentAt", Timestamp.from(sentAt))
        .param("pi", processInstanceId).update();
  }

  /** Next number of the year; the row lock of the upsert serialises concurrent registrations. */
  int nextNumber(int year) {
    return jdbc.sql("""
            insert into outgoing_number_sequence (year, last_value) values (:year, 1)
            on conflict (year) do update set last_value = outgoing_number_sequence.last_value + 1
            returning last_value""")
        .param("year", year)
        .query(Integer.class)
        .single();
  }

  public Optional<OutgoingLetter> byProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from outgoing_letter where process_instance_id = :pi")
        .param("pi", processInstanceId)
        .query(OutgoingLetters::letter)
        .optional();
  }

  public Optional<OutgoingLetter> byOutgoingNumber(String outgoingNumber) {
    return jdbc.sql("select * from outgoing_letter where outgoing_number = :n")
        .param("n", outgoingNumber)
        .query(OutgoingLetters::letter)
        .optional();
  }

  boolean caseExists(String caseNumber) {
    return jdbc.sql("select count(*) from outgoing_letter where case_number = :c").param("c", caseNumber)
        .query(Long.class).single() > 0;
  }

  private static OutgoingLetter letter(ResultSet rs, int row) throws SQLException {
    java.sql.Date date = rs.getDate("outgoing_date");
    Timestamp sentAt = rs.getTimestamp("sent_at");
    return new OutgoingLetter(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("case_number"),
        LetterKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("body"),
        rs.getString("language"), rs.getString("recipient_name"), rs.getString("recipient_address"),
        rs.getString("outgoing_number"), date == null ? null : date.toLocalDate(), rs.getString("registered_by"),
        rs.getString("signed_by"), rs.getString("dispatch_method"), rs.getString("tracking_number"),
        sentAt == null ? null : sentAt.toInstant());
  }
}

package ru.appealdesk.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code answer_delivery} table: one row per delivered answer, unique per delivery key. */
@Repository
public class Deliveries {

  private final JdbcClient jdbc;

  Deliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Delivery> findByKey(String deliveryKey) {
    return jdbc.sql("""
            select case_number, method, recipient, proof, document_id, delivered_at
            from answer_delivery where delivery_key = :key""")
        .param("key", deliveryKey)
        .query((rs, n) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            (Long) rs.getObject(5), rs.getTimestamp(6).toInstant()))
        .optional();
  }

  void insert(String deliveryKey, Delivery d, String recordedBy) {
    jdbc.sql("""
            insert into answer_delivery (delivery_key, case_number, method, recipient, proof, document_id,
                                         delivered_at, recorded_by)
            values (:key, :caseNumber, :method, :recipient, :proof, :documentId, :deliveredAt, :recordedBy)""")
        .param("key", deliveryKey)
        .param("caseNumber", d.caseNumber())
        .param("method", d.method())
        .param("recipient", d.recipient())
        .param("proof", d.proof())
        .param("documentId", d.documentId())
        .param("deliveredAt", Timestamp.from(d.deliveredAt()))
        .param("recordedBy", recordedBy)
        .update();
  }

  /** Every delivery of a case, oldest first. */
  public List<Delivery> ofCase(String caseNumber) {
    return jdbc.sql("""
            select case_number, method, recipient, proof, document_id, delivered_at
            from answer_delivery where case_number = :caseNumber order by id""")
        .param("caseNumber", caseNumber)
        .query((rs, n) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            (Long) rs.getObject(5), rs.getTimestamp(6).toInstant()))
        .list();
  }

  static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }
}

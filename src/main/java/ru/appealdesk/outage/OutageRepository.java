package ru.appealdesk.outage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutageRepository {

  private final JdbcClient jdbc;

  OutageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long nextNumber() {
    return jdbc.sql("select nextval('outage_number_seq')").query(Long.class).single();
  }

  void insert(Outage o) {
    jdbc.sql("""
        insert into outage (number, what, since, affected_channels, expected_recovery, status, message_ru, message_kk,
                            process_instance_id, created_at)
        values (:number, :what, :since, :channels, :expectedRecovery, :status, :messageRu, :messageKk,
                :processInstanceId, :createdAt)""")
        .param("number", o.number())
        .param("what", o.what())
        .param("since", Timestamp.from(o.since()))
        .param("channels", String.join(",", o.affectedChannels()))
        .param("expectedRecovery", o.expectedRecovery())
        .param("status", o.status().name())
        .param("messageRu", o.messageRu())
        .param("messageKk", o.messageKk())
        .param("processInstanceId", o.processInstanceId())
        .param("createdAt", Timestamp.from(o.createdAt()))
        .update();
  }

  /** Marks the outage restored once; returns false when it already was. */
  boolean markRestored(String number, Instant restoredAt, String messageRu, String messageKk) {
    return jdbc.sql("""
        update outage set status = 'RESTORED', restored_at = :at, restored_message_ru = :ru, restored_message_kk = :kk
        where number = :number and status = 'OPEN'""")
        .param("at", Timestamp.from(restoredAt))
        .param("ru", messageRu)
        .param("kk", messageKk)
        .param("number", number)
        .update() == 1;
  }

  Optional<Outage> find(String number) {
    return jdbc.sql("select * from outage where number = :number").param("number", number)
        .query(OutageRepository::outage).optional();
  }

  List<String> openOrRestoredAfter(Instant after) {
    return jdbc.sql("select number from outage where status = 'OPEN' or restored_at >= :after order by number")
        .param("after", Timestamp.from(after))
        .query(String.class).list();
  }

  /** Links an appeal once; returns true when it was not linked before. */
  boolean link(String outageNumber, String appealNumber, Instant receivedAt, Instant registeredAt) {
    return jdbc.sql("""
        insert into outage_appeal (outage_number, appeal_number, received_at, registered_at)
        values (:outage, :appeal, :receivedAt, :registeredAt) on conflict do nothing""")
        .param("outage", outageNumber)
        .param("appeal", appealNumber)
        .param("receivedAt", receivedAt == null ? null : Timestamp.from(receivedAt))
        .param("registeredAt", Timestamp.from(registeredAt))
        .update() == 1;
  }

  List<Outage.LinkedAppeal> appeals(String outageNumber) {
    return jdbc.sql("""
        select appeal_number, received_at from outage_appeal where outage_number = :outage
        order by received_at, appeal_number""")
        .param("outage", outageNumber)
        .query((rs, i) -> new Outage.LinkedAppeal(rs.getString("appeal_number"), instant(rs, "received_at")))
        .list();
  }

  private static Outage outage(ResultSet rs, int row) throws SQLException {
    return new Outage(rs.getString("number"), rs.getString("what"), instant(rs, "since"),
        Arrays.asList(rs.getString("affected_channels").split(",")), rs.getString("expected_recovery"),
        Outage.Status.valueOf(rs.getString("status")), rs.getString("message_ru"), rs.getString("message_kk"),
        instant(rs, "restored_at"), rs.getString("restored_message_ru"), rs.getString("restored_message_kk"),
        rs.getString("process_instance_id"), instant(rs, "created_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}

package ru.appealdesk.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Information the client sent after a request (SPEC §3.4): when it arrived, what it says, which documents. */
@Entity
@Table(name = "appeal_information")
public class InformationReceipt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "appeal_id")
  private Long appealId;
  @Column(name = "received_at")
  private Instant receivedAt;
  private String note;
  private String attachments;

  protected InformationReceipt() {}

  InformationReceipt(Long appealId, Instant receivedAt, String note, String attachments) {
    this.appealId = appealId;
    this.receivedAt = receivedAt;
    this.note = note;
    this.attachments = attachments;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public String getNote() {
    return note;
  }

  public String getAttachments() {
    return attachments;
  }
}

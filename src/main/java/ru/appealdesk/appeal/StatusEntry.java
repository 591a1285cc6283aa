package ru.appealdesk.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an appeal's status history. */
@Entity
@Table(name = "appeal_status_history")
public class StatusEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "appeal_id")
  private Long appealId;
  @Enumerated(EnumType.STRING)
  private AppealStatus status;
  private Instant at;
  private String note;

  protected StatusEntry() {}

  StatusEntry(Long appealId, AppealStatus status, Instant at, String note) {
    this.appealId = appealId;
    this.status = status;
    this.at = at;
    this.note = note;
  }

  public AppealStatus getStatus() {
    return status;
  }

  public Instant getAt() {
    return at;
  }

  public String getNote() {
    return note;
  }
}

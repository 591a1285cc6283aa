package ru.appealdesk.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A co-executor's conclusion (SPEC §1 соисполнитель), part of the case file (§3.11). */
@Entity
@Table(name = "appeal_conclusion")
public class Conclusion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "appeal_id")
  private Long appealId;
  @Column(name = "group_id")
  private String groupId;
  private String author;
  private String text;
  private Instant at;

  protected Conclusion() {}

  Conclusion(Long appealId, String groupId, String author, String text, Instant at) {
    this.appealId = appealId;
    this.groupId = groupId;
    this.author = author;
    this.text = text;
    this.at = at;
  }

  public String getGroupId() {
    return groupId;
  }

  public String getAuthor() {
    return author;
  }

  public String getText() {
    return text;
  }

  public Instant getAt() {
    return at;
  }
}

package ru.appealdesk.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A regulatory deadline that passed with the case still open: which case and clock, the step and group that held it,
 * due when, noticed when. One per case and clock.
 */
@Entity
@Table(name = "sla_breach")
public class SlaBreach {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "case_number", nullable = false)
  private String caseNumber;
  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;
  @Column(nullable = false)
  private String clock;
  @Column(nullable = false)
  private String step;
  @Column(name = "step_name")
  private String stepName;
  @Column(name = "group_id")
  private String groupId;
  @Column(name = "held_by")
  private String heldBy;
  private String resolution;
  @Column(name = "resolved_by")
  private String resolvedBy;
  @Column(name = "resolved_at")
  private Instant resolvedAt;
  @Column(name = "escalation_group", nullable = false)
  private String escalationGroup;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Jurisdiction jurisdiction;
  @Column(name = "due_at", nullable = false)
  private Instant dueAt;
  @Column(name = "breached_at", nullable = false)
  private Instant breachedAt;

  protected SlaBreach() {}

  SlaBreach(SlaEvent event, Instant breachedAt) {
    this.caseNumber = event.caseNumber();
    this.processInstanceId = event.processInstanceId();
    this.clock = event.clock();
    this.step = event.step();
    this.stepName = event.stepName();
    this.groupId = event.group() == null ? null : abbreviate(event.group(), 64);
    this.heldBy = event.heldBy() == null ? null : abbreviate(event.heldBy(), 1000);
    this.escalationGroup = event.escalationGroup();
    this.jurisdiction = event.jurisdiction();
    this.dueAt = event.dueAt();
    this.breachedAt = breachedAt;
  }

  /**
   * The id the database gave the record and the deadline it was measured against (written by
   * {@link SlaBreaches#record} with one statement).
   */
  void recorded(long id, Instant dueAt) {
    this.id = id;
    this.dueAt = dueAt;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  /** The clock that ran out ({@code ANSWER}, {@code REGISTRATION} …). */
  public String getClock() {
    return clock;
  }

  /** Every step that held the case when the clock ran out, as people read it. */
  public String getHeldBy() {
    return heldBy;
  }

  void resolve(String note, String by, Instant at) {
    this.resolution = note == null ? null : abbreviate(note, 4000);
    this.resolvedBy = by;
    this.resolvedAt = at;
  }

  public String getResolution() {
    return resolution;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  public String getStep() {
    return step;
  }

  public String getStepName() {
    return stepName;
  }

  public String getGroupId() {
    return groupId;
  }

  public String getEscalationGroup() {
    return escalationGroup;
  }

  public Jurisdiction getJurisdiction() {
    return jurisdiction;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getBreachedAt() {
    return breachedAt;
  }
}

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

/** A regulatory deadline that passed with its task still open: which case, which step, due when, noticed when. */
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
  private String step;
  @Column(name = "step_name")
  private String stepName;
  @Column(name = "group_id")
  private String groupId;
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
    this.step = event.step();
    this.stepName = event.stepName();
    this.groupId = event.group();
    this.escalationGroup = event.escalationGroup();
    this.jurisdiction = event.jurisdiction();
    this.dueAt = event.dueAt();
    this.breachedAt = breachedAt;
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

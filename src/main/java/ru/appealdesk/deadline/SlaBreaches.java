package ru.appealdesk.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.platform.TransactionMemo;

/** The SLA-breach records: written by {@code ${slaBreach}}, read by the overdue list and the appeal view. */
@Service
public class SlaBreaches {

  private static final Logger log = LoggerFactory.getLogger(SlaBreaches.class);

  private final SlaBreachRepository repository;
  private final JdbcClient jdbc;

  SlaBreaches(SlaBreachRepository repository, JdbcClient jdbc) {
    this.repository = repository;
    this.jdbc = jdbc;
  }

  /**
   * Records the breach once per (case, clock), at the engine's current time, due when the event says, and marks it on
   * the clock.
   *
   * @return the new record, or empty when this clock of this case was already recorded
   */
  @Transactional
  public Optional<SlaBreach> record(SlaEvent event) {
    return record(event, false);
  }

  /**
   * The same, measured against the case's clock: its effective deadline ({@link CaseClocks#effectiveDue}, the ceiling
   * while it is suspended), or the event's when the case has no such clock.
   */
  @Transactional
  public Optional<SlaBreach> recordAgainstClock(SlaEvent event) {
    return record(event, true);
  }

  private Optional<SlaBreach> record(SlaEvent event, boolean againstClock) {
    SlaBreach breach = new SlaBreach(event, now());
    Optional<Recorded> recorded = insert(breach, againstClock);
    if (recorded.isEmpty()) {
      log.info("SLA breach of {} clock {} already recorded", event.caseNumber(), event.clock());
      return Optional.empty();
    }
    breach.recorded(recorded.get().id(), recorded.get().dueAt());
    TransactionMemo.put(new Memo(event.caseNumber(), event.clock()), breach);
    log.warn("SLA breach: case {} clock {} held by step {} (group {}) was due {}", event.caseNumber(), event.clock(),
        event.step(), event.group(), breach.getDueAt());
    return Optional.of(breach);
  }

  private record Recorded(long id, Instant dueAt) {}

  /**
   * The record, measured against the clock, and the clock's mark ({@code case_clock.breached_at}) in one statement:
   * before, a breach took four round trips (the clock, is it recorded, insert, mark) and Hibernate's flush (issue 19,
   * the storm). A breach of the same (case, clock) recorded already, or by a concurrent job (this one waits for its
   * commit), inserts nothing and marks nothing: the unique key {@code sla_breach_case_clock} decides, and the answer
   * is empty.
   */
  private Optional<Recorded> insert(SlaBreach b, boolean againstClock) {
    return jdbc.sql("""
        with inserted as (
          insert into sla_breach (case_number, process_instance_id, clock, step, step_name, group_id, held_by,
              escalation_group, jurisdiction, due_at, breached_at)
          values (:caseNumber, :processInstanceId, :clock, :step, :stepName, :groupId, :heldBy,
              :escalationGroup, :jurisdiction,
              coalesce((select %s from case_clock
                        where :againstClock and case_number = :caseNumber and clock = :clock), :dueAt),
              :breachedAt)
          on conflict (case_number, clock) do nothing
          returning id, due_at),
        marked as (
          update case_clock set breached_at = :breachedAt
          where case_number = :caseNumber and clock = :clock and breached_at is null
            and exists (select 1 from inserted))
        select id, due_at from inserted""".formatted(CaseClocks.EFFECTIVE_DUE_SQL))
        .param("againstClock", againstClock).param("caseNumber", b.getCaseNumber())
        .param("processInstanceId", b.getProcessInstanceId())
        .param("clock", b.getClock()).param("step", b.getStep()).param("stepName", b.getStepName())
        .param("groupId", b.getGroupId()).param("heldBy", b.getHeldBy())
        .param("escalationGroup", b.getEscalationGroup()).param("jurisdiction", b.getJurisdiction().name())
        .param("dueAt", Timestamp.from(b.getDueAt())).param("breachedAt", Timestamp.from(b.getBreachedAt()))
        .query((rs, n) -> new Recorded(rs.getLong(1), rs.getTimestamp(2).toInstant())).optional();
  }

  /**
   * The breach of one clock of a case, if recorded. The escalation task that follows a breach step in the same
   * command (its {@code ${deadlines.heldBy(…)}}) gets the record just written without reading it back.
   */
  @Transactional(readOnly = true)
  public Optional<SlaBreach> of(String caseNumber, String clock) {
    SlaBreach just = TransactionMemo.known(new Memo(caseNumber, clock));
    return just != null ? Optional.of(just) : repository.findByCaseNumberAndClock(caseNumber, clock);
  }

  private record Memo(String caseNumber, String clock) {}

  /** The escalation was dealt with: the controller's note is kept with the breach. */
  @Transactional
  public void resolve(String caseNumber, String clock, String note, String by) {
    if (clock == null) {
      return;
    }
    repository.findByCaseNumberAndClock(caseNumber, clock).ifPresent(b -> b.resolve(note, by, now()));
  }

  /** Every breach of one jurisdiction's cases, by due date (the controller's overdue list). */
  @Transactional(readOnly = true)
  public List<SlaBreach> forJurisdiction(Jurisdiction jurisdiction) {
    return repository.findByJurisdictionOrderByDueAt(jurisdiction);
  }

  /** Whether any regulatory deadline of the case was breached (for {@code GET /api/appeals/{number}}). */
  @Transactional(readOnly = true)
  public boolean isBreached(String caseNumber) {
    return repository.existsByCaseNumber(caseNumber);
  }

  /** Every breach of the case, oldest first. */
  @Transactional(readOnly = true)
  public List<SlaBreach> forCase(String caseNumber) {
    return repository.findByCaseNumberOrderByBreachedAt(caseNumber);
  }

  /** Breaches of tasks of {@code group} or escalated to it, by due date. */
  @Transactional(readOnly = true)
  public List<SlaBreach> forGroup(String group) {
    return repository.findByGroupIdOrEscalationGroupOrderByDueAt(group, group);
  }

  static Instant now() {
    return Now.instant();
  }
}

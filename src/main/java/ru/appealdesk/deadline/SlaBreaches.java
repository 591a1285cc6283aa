package ru.appealdesk.deadline;

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
  private final CaseClocks clocks;

  private final JdbcClient jdbc;

  SlaBreaches(SlaBreachRepository repository, CaseClocks clocks, JdbcClient jdbc) {
    this.repository = repository;
    this.clocks = clocks;
    this.jdbc = jdbc;
  }

  /**
   * Records the breach once per (case, clock), at the engine's current time, and marks it on the clock.
   *
   * @return the new record, or empty when this clock of this case was already recorded
   */
  @Transactional
  public Optional<SlaBreach> record(SlaEvent event) {
    if (recorded(event.caseNumber(), event.clock())) {
      log.info("SLA breach of {} clock {} already recorded", event.caseNumber(), event.clock());
      return Optional.empty();
    }
    // A concurrent job recording the same breach fails on the unique (case, clock) key, retries and then skips.
    SlaBreach breach = repository.saveAndFlush(new SlaBreach(event, now()));
    TransactionMemo.put(new Memo(event.caseNumber(), event.clock()), breach);
    clocks.breached(event.caseNumber(), event.clock(), breach.getBreachedAt());
    log.warn("SLA breach: case {} clock {} held by step {} (group {}) was due {}", event.caseNumber(), event.clock(),
        event.step(), event.group(), event.dueAt());
    return Optional.of(breach);
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

  /**
   * Whether the clock's breach is recorded already: one plain statement instead of a repository query, which Hibernate
   * translated anew on every call (a twentieth of a breach storm's time, docs/bench.md). The transaction's own records
   * are flushed when written ({@link #record}), so the statement sees them.
   */
  private boolean recorded(String caseNumber, String clock) {
    return jdbc.sql("select exists (select 1 from sla_breach where case_number = :n and clock = :c)")
        .param("n", caseNumber).param("c", clock).query(Boolean.class).single();
  }

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

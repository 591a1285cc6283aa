package ru.appealdesk.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.appealdesk.deadline.Deadlines.Due;

/**
 * The regulatory clocks of cases (table {@code case_clock}, every change also in {@code case_clock_event}). A clock is
 * started by a step of the diagram, may be suspended, moved, extended and recomputed, and is stopped when the case no
 * longer runs against it (the answer was delivered). Every move is carried to the engine at once
 * ({@link ClockSync}: the process variable, the due dates of the case's open tasks and the clock's timers), and
 * published as {@link CaseClockMoved}.
 */
@Service
public class CaseClocks {

  private static final Logger log = LoggerFactory.getLogger(CaseClocks.class);

  private final JdbcClient jdbc;
  private final ClockSync sync;
  private final ApplicationEventPublisher events;

  CaseClocks(JdbcClient jdbc, ClockSync sync, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.sync = sync;
    this.events = events;
  }

  /** What a new clock counts: from when, how many days of which kind, and (RU) the statutory ceiling. */
  public record Start(String caseNumber, String clock, String processInstanceId, String dueVariable,
      Jurisdiction jurisdiction, Instant basisAt, int days, DeadlineKind kind, Due due, Instant legalBasisAt,
      Integer legalDays, Integer legalExtensionDays, Due legalDeadline) {}

  /**
   * Starts (or, started already, returns) a clock. Nothing is synchronised: the diagram reads the variable. The clock,
   * its STARTED event and what is stored come in one statement; before, four round trips (is it started, insert,
   * event, read back) on every intake (issue 19). A clock started already, even by a concurrent command, is left as it
   * was: the primary key (case, clock) decides.
   */
  public CaseClock start(Start s) {
    Instant now = Now.instant();
    java.util.Set<Integer> years = new java.util.TreeSet<>(s.due().uncoveredYears());
    if (s.legalDeadline() != null) {
      years.addAll(s.legalDeadline().uncoveredYears());
    }
    Optional<CaseClock> started = jdbc.sql("""
            with started as (
              insert into case_clock (case_number, clock, process_instance_id, due_variable, jurisdiction, started_at,
                  basis_at, days, kind, original_due_at, due_at, legal_basis_at, legal_days, legal_extension_days,
                  legal_deadline_at, provisional_years, updated_at)
              values (:caseNumber, :clock, :pi, :dueVariable, :jurisdiction, :now, :basisAt, :days, :kind, :due, :due,
                  :legalBasisAt, :legalDays, :legalExtensionDays, :legalDeadlineAt, :years, :now)
              on conflict (case_number, clock) do nothing
              returning *),
            logged as (
              insert into case_clock_event (case_number, clock, at, event, due_at, note)
              select case_number, clock, :now, 'STARTED', due_at, null from started)
            select * from started""")
        .param("caseNumber", s.caseNumber()).param("clock", s.clock()).param("pi", s.processInstanceId())
        .param("dueVariable", s.dueVariable()).param("jurisdiction", s.jurisdiction().name())
        .param("now", ts(now)).param("basisAt", ts(s.basisAt())).param("days", s.days())
        .param("kind", s.kind().name()).param("due", ts(s.due().instant()))
        .param("legalBasisAt", ts(s.legalBasisAt())).param("legalDays", s.legalDays())
        .param("legalExtensionDays", s.legalExtensionDays())
        .param("legalDeadlineAt", s.legalDeadline() == null ? null : ts(s.legalDeadline().instant()))
        .param("years", CaseClock.years(years))
        .query(CaseClocks::row).optional();
    if (started.isEmpty()) {
      return require(s.caseNumber(), s.clock());
    }
    log.info("Clock {} of case {} started, due {}", s.clock(), s.caseNumber(), started.get().dueAt());
    return started.get();
  }

  public Optional<CaseClock> find(String caseNumber, String clock) {
    return jdbc.sql("select * from case_clock where case_number = :n and clock = :c")
        .param("n", caseNumber).param("c", clock).query(CaseClocks::row).optional();
  }

  /** Every clock of a case. */
  public List<CaseClock> forCase(String caseNumber) {
    return jdbc.sql("select * from case_clock where case_number = :n order by started_at")
        .param("n", caseNumber).query(CaseClocks::row).list();
  }

  /** Running clocks whose deadline or ceiling falls in {@code year}, or that were counted over it provisionally. */
  List<CaseClock> runningTouching(Jurisdiction j, int year) {
    Instant from = OffsetDateTime.of(year - 1, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    Instant to = OffsetDateTime.of(year + 1, 1, 31, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    return jdbc.sql("""
            select * from case_clock where stopped_at is null and jurisdiction = :j
              and ((due_at between :from and :to) or (legal_deadline_at between :from and :to)
                   or provisional_years like :year)""")
        .param("j", j.name()).param("from", ts(from)).param("to", ts(to)).param("year", "%" + year + "%")
        .query(CaseClocks::row).list();
  }

  /**
   * Running clocks of a jurisdiction past their effective deadline at {@code now} (the deadline, or the ceiling while
   * suspended), whether or not the breach timer has fired yet; oldest deadline first.
   */
  List<CaseClock> runningPastDue(Jurisdiction j, Instant now) {
    return jdbc.sql("""
            select * from case_clock where stopped_at is null and jurisdiction = :j
              and ((suspended_at is null and due_at < :now)
                   or (suspended_at is not null and legal_deadline_at < :now))
            order by due_at limit 1000""")
        .param("j", j.name()).param("now", ts(now)).query(CaseClocks::row).list();
  }

  /**
   * Suspends a running clock (e.g. waiting for the client's information): the deadline stays as it was until the clock
   * resumes, and its timers wait for the statutory ceiling (which also holds while suspended) or, without one, for the
   * resumption.
   */
  public CaseClock suspend(String caseNumber, String clock, Instant at, String note) {
    CaseClock suspended = suspendRow(caseNumber, clock, at, note);
    sync.holdTimers(suspended, suspended.legalDeadlineAt() != null ? suspended.legalDeadlineAt()
        : at.plus(java.time.Duration.ofDays(3650)));
    return suspended;
  }

  /** {@link #effectiveDue} of a {@code case_clock} row, in SQL (the breach record measures with it). */
  static final String EFFECTIVE_DUE_SQL = "case when suspended_at is not null and stopped_at is null"
      + " and legal_deadline_at is not null then legal_deadline_at else due_at end";

  /** The effective deadline a breach is measured against: the ceiling while suspended, else the deadline. */
  public static Instant effectiveDue(CaseClock c) {
    return c.suspended() && c.legalDeadlineAt() != null ? c.legalDeadlineAt() : c.dueAt();
  }

  private CaseClock suspendRow(String caseNumber, String clock, Instant at, String note) {
    jdbc.sql("update case_clock set suspended_at = :at, updated_at = :now where case_number = :n and clock = :c"
            + " and stopped_at is null")
        .param("at", ts(at)).param("now", ts(Now.instant())).param("n", caseNumber).param("c", clock).update();
    event(caseNumber, clock, at, "SUSPENDED", null, note);
    return require(caseNumber, clock);
  }

  /** Extends the statutory ceiling once (442-FZ: a document request allows it once). */
  public CaseClock extendCeiling(String caseNumber, String clock, Due newCeiling, Instant at, String note) {
    jdbc.sql("""
            update case_clock set legal_deadline_at = :ceiling, extended_at = :at, updated_at = :now,
                provisional_years = :years
            where case_number = :n and clock = :c and extended_at is null""")
        .param("ceiling", ts(newCeiling.instant())).param("at", ts(at)).param("now", ts(Now.instant()))
        .param("years", mergeYears(require(caseNumber, clock), newCeiling)).param("n", caseNumber).param("c", clock)
        .update();
    event(caseNumber, clock, at, "EXTENDED", newCeiling.instant(), note);
    CaseClock extended = require(caseNumber, clock);
    events.publishEvent(new CaseClockMoved(extended, extended.dueAt()));
    return extended;
  }

  /**
   * Moves the deadline (resumed, recomputed, after information): {@code newDue} counted as {@code days} of
   * {@code kind} from {@code basisAt}; the suspension ends. Synchronised to the engine and published.
   */
  public CaseClock move(String caseNumber, String clock, Due newDue, Instant basisAt, int days, DeadlineKind kind,
      String event, String note) {
    CaseClock before = require(caseNumber, clock);
    jdbc.sql("""
            update case_clock set due_at = :due, basis_at = :basisAt, days = :days, kind = :kind,
                suspended_at = null, provisional_years = :years, updated_at = :now
            where case_number = :n and clock = :c""")
        .param("due", ts(newDue.instant())).param("basisAt", ts(basisAt)).param("days", days)
        .param("kind", kind.name()).param("years", CaseClock.years(newDue.uncoveredYears()))
        .param("now", ts(Now.instant())).param("n", caseNumber).param("c", clock).update();
    event(caseNumber, clock, Now.instant(), event, newDue.instant(), note);
    CaseClock after = require(caseNumber, clock);
    sync.apply(before, after);
    events.publishEvent(new CaseClockMoved(after, before.dueAt()));
    return after;
  }

  /**
   * A calendar year was loaded: the clock gets the deadline and ceiling counted again from the same basis (a suspended
   * clock keeps its deadline; only its ceiling, which still holds, is counted again). Synchronised to the engine and
   * published like a move; recorded as {@code RECOMPUTED}.
   *
   * @param due the deadline counted again (ignored for a suspended clock)
   * @param ceiling the ceiling counted again (null: the clock has none)
   */
  CaseClock recompute(CaseClock before, Due due, Due ceiling, String note) {
    java.util.Set<Integer> years = new java.util.TreeSet<>(before.suspended() ? before.provisionalYears()
        : due.uncoveredYears());
    if (ceiling != null) {
      years.addAll(ceiling.uncoveredYears());
    }
    Instant dueAt = before.suspended() ? before.dueAt() : due.instant();
    jdbc.sql("""
            update case_clock set due_at = :due, legal_deadline_at = :ceiling, provisional_years = :years,
                updated_at = :now
            where case_number = :n and clock = :c""")
        .param("due", ts(dueAt)).param("ceiling", ts(ceiling == null ? before.legalDeadlineAt() : ceiling.instant()))
        .param("years", CaseClock.years(years)).param("now", ts(Now.instant()))
        .param("n", before.caseNumber()).param("c", before.clock()).update();
    event(before.caseNumber(), before.clock(), Now.instant(), "RECOMPUTED", dueAt, note);
    CaseClock after = require(before.caseNumber(), before.clock());
    if (after.suspended()) {
      if (after.legalDeadlineAt() != null) {
        sync.holdTimers(after, after.legalDeadlineAt());
      }
    } else {
      sync.apply(before, after);
    }
    events.publishEvent(new CaseClockMoved(after, before.dueAt()));
    return after;
  }

  /**
   * Runs a clock again from a new basis (e.g. KZ restructuring: the borrower answered a decision with conditions of
   * their own, and the decision window starts again from their receipt): the stop and any suspension end, the
   * deadline is {@code due}; a breach already recorded stays recorded. Recorded as {@code RESTARTED}. Nothing is
   * synchronised: the diagram starts the clock's timers when it enters the steps the clock watches.
   */
  public CaseClock restart(String caseNumber, String clock, String processInstanceId, Due due, Instant basisAt,
      int days, DeadlineKind kind, String note) {
    CaseClock before = require(caseNumber, clock);
    jdbc.sql("""
            update case_clock set process_instance_id = :pi, due_at = :due, basis_at = :basisAt, days = :days,
                kind = :kind, suspended_at = null, stopped_at = null, provisional_years = :years, updated_at = :now
            where case_number = :n and clock = :c""")
        .param("pi", processInstanceId).param("due", ts(due.instant())).param("basisAt", ts(basisAt))
        .param("days", days).param("kind", kind.name()).param("years", CaseClock.years(due.uncoveredYears()))
        .param("now", ts(Now.instant())).param("n", caseNumber).param("c", clock).update();
    event(caseNumber, clock, Now.instant(), "RESTARTED", due.instant(), note);
    CaseClock after = require(caseNumber, clock);
    events.publishEvent(new CaseClockMoved(after, before.dueAt()));
    return after;
  }

  /** The case no longer runs against this clock (e.g. the answer was delivered). */
  public void stop(String caseNumber, String clock, Instant at) {
    int n = jdbc.sql("update case_clock set stopped_at = :at, suspended_at = null, updated_at = :at"
            + " where case_number = :n and clock = :c and stopped_at is null")
        .param("at", ts(at)).param("n", caseNumber).param("c", clock).update();
    if (n > 0) {
      event(caseNumber, clock, at, "STOPPED", null, null);
    }
  }

  /** The history of one clock, oldest first. */
  public List<ClockEvent> events(String caseNumber) {
    return jdbc.sql("select clock, at, event, due_at, note from case_clock_event where case_number = :n order by at, id")
        .param("n", caseNumber)
        .query((rs, i) -> new ClockEvent(rs.getString("clock"), rs.getTimestamp("at").toInstant(),
            rs.getString("event"), rs.getTimestamp("due_at") == null ? null : rs.getTimestamp("due_at").toInstant(),
            rs.getString("note")))
        .list();
  }

  /** One entry of the clock history. */
  public record ClockEvent(String clock, Instant at, String event, Instant dueAt, String note) {}

  private CaseClock require(String caseNumber, String clock) {
    return find(caseNumber, clock).orElseThrow(() -> new IllegalStateException(
        "Case " + caseNumber + " has no clock " + clock));
  }

  private void event(String caseNumber, String clock, Instant at, String event, Instant dueAt, String note) {
    jdbc.sql("insert into case_clock_event (case_number, clock, at, event, due_at, note)"
            + " values (:n, :c, :at, :event, :due, :note)")
        .param("n", caseNumber).param("c", clock).param("at", ts(at)).param("event", event)
        .param("due", ts(dueAt)).param("note", note == null || note.length() <= 500 ? note : note.substring(0, 500))
        .update();
  }

  private static String mergeYears(CaseClock c, Due due) {
    java.util.Set<Integer> years = new java.util.TreeSet<>(c.provisionalYears());
    years.addAll(due.uncoveredYears());
    return CaseClock.years(years);
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant inst(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static CaseClock row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new CaseClock(rs.getString("case_number"), rs.getString("clock"), rs.getString("process_instance_id"),
        rs.getString("due_variable"), Jurisdiction.valueOf(rs.getString("jurisdiction")), inst(rs, "started_at"),
        inst(rs, "basis_at"), rs.getInt("days"), DeadlineKind.valueOf(rs.getString("kind")),
        inst(rs, "original_due_at"), inst(rs, "due_at"), inst(rs, "legal_basis_at"),
        (Integer) rs.getObject("legal_days"), (Integer) rs.getObject("legal_extension_days"),
        inst(rs, "legal_deadline_at"), inst(rs, "extended_at"), inst(rs, "suspended_at"), inst(rs, "stopped_at"),
        inst(rs, "breached_at"), CaseClock.years(rs.getString("provisional_years")));
  }
}

package ru.appealdesk.deadline;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.deadline.Deadlines.Due;

/**
 * A production-calendar year was added or replaced: every running case clock whose deadline or ceiling falls in it, or
 * that was counted over it provisionally, is counted again from its basis ({@code basisAt} + {@code days} of
 * {@code kind}; the ceiling from {@code legalBasisAt} + {@code legalDays}, plus the extension if it was granted, and
 * the deadline never past it). A changed clock moves its variable, the due dates of the case's open tasks and its timers
 * ({@link CaseClocks#recompute}). Each clock in a transaction of its own: a case busy in another transaction is
 * skipped and counted as failed, the rest still move.
 */
@Service
public class CalendarRecompute {

  private static final Logger log = LoggerFactory.getLogger(CalendarRecompute.class);

  private final CaseClocks clocks;
  private final Deadlines deadlines;
  private final TransactionTemplate tx;

  CalendarRecompute(CaseClocks clocks, CalendarStore calendars, TransactionTemplate tx) {
    this.clocks = clocks;
    this.deadlines = new Deadlines(calendars::calendar);
    this.tx = tx;
  }

  /** What a recompute did: clocks looked at, clocks whose deadline or ceiling changed, clocks that could not move. */
  public record Result(int checked, int recomputed, int failed) {}

  public Result afterLoad(Jurisdiction j, int year) {
    int checked = 0;
    int changed = 0;
    int failed = 0;
    for (CaseClock c : clocks.runningTouching(j, year)) {
      checked++;
      try {
        Boolean moved = tx.execute(s -> recompute(c, year));
        if (Boolean.TRUE.equals(moved)) {
          changed++;
        }
      } catch (RuntimeException e) {
        failed++;
        log.warn("Clock {} of case {} not recomputed after the {} {} calendar ({})", c.clock(), c.caseNumber(), j,
            year, e.getClass().getSimpleName());
      }
    }
    log.info("Calendar {} {} loaded: {} running clock(s) checked, {} recomputed, {} failed", j, year, checked, changed,
        failed);
    return new Result(checked, changed, failed);
  }

  private boolean recompute(CaseClock c, int year) {
    CaseClock current = clocks.find(c.caseNumber(), c.clock()).filter(CaseClock::running).orElse(null);
    if (current == null) {
      return false;
    }
    Due ceiling = null;
    if (current.legalBasisAt() != null && current.legalDays() != null) {
      int days = current.legalDays() + (current.extended() && current.legalExtensionDays() != null
          ? current.legalExtensionDays() : 0);
      ceiling = deadlines.plusWorkingDays(current.jurisdiction(), current.legalBasisAt(), days);
    }
    Due due = deadlines.compute(current.jurisdiction(), current.basisAt(), current.days(), current.kind()).min(ceiling);
    java.time.Instant dueAt = current.suspended() ? current.dueAt() : due.instant();
    boolean changed = !dueAt.equals(current.dueAt())
        || !Objects.equals(ceiling == null ? current.legalDeadlineAt() : ceiling.instant(), current.legalDeadlineAt())
        || !Objects.equals(current.provisionalYears(), years(current, due, ceiling));
    if (!changed) {
      return false;
    }
    clocks.recompute(current, due, ceiling, "Загружен производственный календарь " + current.jurisdiction() + " на "
        + year + " год: срок пересчитан");
    return true;
  }

  /** The provisional years the clock would carry after the recompute. */
  private static java.util.Set<Integer> years(CaseClock c, Due due, Due ceiling) {
    java.util.Set<Integer> years = new java.util.TreeSet<>(c.suspended() ? c.provisionalYears() : due.uncoveredYears());
    if (ceiling != null) {
      years.addAll(ceiling.uncoveredYears());
    }
    return years;
  }
}

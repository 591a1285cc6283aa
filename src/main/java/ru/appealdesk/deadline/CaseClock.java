package ru.appealdesk.deadline;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One regulatory clock of a case (table {@code case_clock}): what it counts from and how ({@code basisAt} +
 * {@code days} of {@code kind}, kept so that a newly loaded calendar year can recompute it), its current and original
 * deadline, the statutory ceiling (RU 442-FZ: {@code legalDays} working days after {@code legalBasisAt}, once
 * {@code legalExtensionDays} more after a document request), and whether it is suspended, stopped or breached.
 *
 * @param dueVariable the process variable that carries {@code dueAt} for the diagram's timers and forms
 * @param provisionalYears years without decree data the deadline was counted over (empty: final)
 */
public record CaseClock(String caseNumber, String clock, String processInstanceId, String dueVariable,
    Jurisdiction jurisdiction, Instant startedAt, Instant basisAt, int days, DeadlineKind kind, Instant originalDueAt,
    Instant dueAt, Instant legalBasisAt, Integer legalDays, Integer legalExtensionDays, Instant legalDeadlineAt,
    Instant extendedAt, Instant suspendedAt, Instant stoppedAt, Instant breachedAt, Set<Integer> provisionalYears) {

  public static final String ANSWER = "ANSWER";
  public static final String REGISTRATION = "REGISTRATION";

  public CaseClock {
    provisionalYears = provisionalYears == null ? Set.of() : Set.copyOf(provisionalYears);
  }

  public boolean provisional() {
    return !provisionalYears.isEmpty();
  }

  public boolean running() {
    return stoppedAt == null;
  }

  public boolean suspended() {
    return suspendedAt != null && stoppedAt == null;
  }

  public boolean extended() {
    return extendedAt != null;
  }

  static String years(Set<Integer> years) {
    return years == null || years.isEmpty() ? null
        : years.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }

  static Set<Integer> years(String csv) {
    if (csv == null || csv.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::valueOf)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}

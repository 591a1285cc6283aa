package ru.appealdesk.appeal;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.deadline.Now;

/**
 * The one place where an appeal's status changes: the diagram's execution listeners
 * ({@code ${appealStatus.change(execution, 'IN_PROGRESS')}}) and the intake (RECEIVED) call it. Every change writes a
 * line of the history and publishes {@link AppealStatusChanged} inside the same transaction.
 */
@Service
class AppealStatusChanges {

  private final AppealRepository appeals;
  private final StatusEntryRepository history;
  private final ApplicationEventPublisher events;

  AppealStatusChanges(AppealRepository appeals, StatusEntryRepository history, ApplicationEventPublisher events) {
    this.appeals = appeals;
    this.history = history;
    this.events = events;
  }

  @Transactional
  public void change(String number, AppealStatus status, String note) {
    appeals.findByNumber(number).ifPresent(a -> change(a, status, note));
  }

  /** A status already held is not written twice (e.g. IN_PROGRESS again after a rework). */
  void change(Appeal a, AppealStatus status, String note) {
    if (a.getStatus() == status && !history.findByAppealIdOrderByAtAscIdAsc(a.getId()).isEmpty()) {
      return;
    }
    a.status(status);
    record(a, status, note);
  }

  /** Writes the history line and publishes the event (also for the first status of a new appeal). */
  void record(Appeal a, AppealStatus status, String note) {
    Instant now = Now.instant();
    history.save(new StatusEntry(a.getId(), status, now, Texts.abbreviate(note, 500)));
    Client c = a.getClient();
    events.publishEvent(new AppealStatusChanged(a.getNumber(), a.getJurisdiction().name(), status.name(),
        a.getLanguage(), c == null ? null : c.getEmail(), c == null ? null : c.getFullName(), now));
  }
}

package ru.appealdesk.appeal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * What the client sees under {@code /status/{number}?token=…} (SPEC §7): the status, the client-meaningful steps, the
 * deadline and an open information request; no personal data, no internal notes, no internal steps.
 *
 * <p>Client-meaningful means: the approval and signature of the answer ({@code ON_APPROVAL}) is shown as "the answer is
 * being prepared", a rework after it adds no step, and work states ({@code IN_PROGRESS}, {@code DELIVERING}) carry no
 * time (how long an internal step took is nobody's business outside). {@code DELIVERING} is shown only while it lasts.
 * Texts are Russian here; the client pages put them into the appeal's language by the codes.
 *
 * @param status the client-facing status code ({@code ON_APPROVAL} reads {@code IN_PROGRESS})
 * @param awaitingInformation the company asked the client for more (SPEC §3.4) and waits: the client may answer now
 * @param informationRequest the company's question while it waits, else null
 * @param history oldest first
 */
public record PublicStatus(String number, String jurisdiction, String language, String type, String typeText,
    String subject, String receivedAt, String status, String statusText, String answerDueAt,
    boolean awaitingInformation, String informationRequest, List<Step> history) {

  /** @param at local date and time of the jurisdiction, null for work states */
  public record Step(String status, String at, String statusText) {}

  /** Work states: shown, never timed. */
  private static final Set<AppealStatus> UNTIMED = Set.of(AppealStatus.IN_PROGRESS, AppealStatus.DELIVERING);

  static PublicStatus of(Appeal a, List<StatusEntry> entries) {
    Jurisdiction j = a.getJurisdiction();
    AppealStatus current = clientFacing(a.getStatus());
    boolean waiting = a.getStatus() == AppealStatus.INFORMATION_REQUESTED;
    List<Step> steps = new ArrayList<>();
    AppealStatus last = null;
    for (StatusEntry e : entries) {
      AppealStatus s = clientFacing(e.getStatus());
      if (s == last) {
        continue; // a rework after the approval, or a repeated status: nothing new for the client
      }
      last = s;
      steps.add(new Step(s.name(), UNTIMED.contains(s) ? null : AppealTexts.dateTime(e.getAt(), j), s.text()));
    }
    for (int i = steps.size() - 2; i >= 0; i--) {
      if (steps.get(i).status().equals(AppealStatus.DELIVERING.name())) {
        steps.remove(i); // on its way: only while it lasts
      }
    }
    return new PublicStatus(a.getNumber(), j.name(), a.getLanguage(), a.getType().name(), a.getType().russianName(),
        a.getSubject(), AppealTexts.dateTime(a.getReceivedAt(), j), current.name(), current.text(),
        AppealTexts.dateTime(a.getAnswerDueAt(), j), waiting, waiting ? a.getInformationRequest() : null,
        List.copyOf(steps));
  }

  private static AppealStatus clientFacing(AppealStatus s) {
    return s == AppealStatus.ON_APPROVAL ? AppealStatus.IN_PROGRESS : s;
  }
}

package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.appealdesk.deadline.Jurisdiction;

/** The client's history shows what matters to the client, not the company's internal loops and their times. */
class PublicStatusTest {

  private static final Instant T0 = Instant.parse("2026-11-20T07:00:00Z");

  private final List<StatusEntry> entries = new ArrayList<>();

  private void step(AppealStatus s, int minutes) {
    entries.add(new StatusEntry(1L, s, T0.plusSeconds(60L * minutes), null));
  }

  private static Appeal appeal(AppealStatus now) {
    Appeal a = new Appeal("RU-2026-000042", Jurisdiction.RU, AppealType.COMPLAINT, "LOAN_TERMS", Channel.WEBSITE,
        "ru", T0, null, "secret", T0);
    a.status(now);
    return a;
  }

  @Test
  void approvalAndReworkAreOneStepWithoutTimesAndDeliveryShowsOnlyWhileItLasts() {
    step(AppealStatus.RECEIVED, 0);
    step(AppealStatus.REGISTERED, 1);
    step(AppealStatus.IN_PROGRESS, 2);
    step(AppealStatus.ON_APPROVAL, 600);
    step(AppealStatus.IN_PROGRESS, 700); // returned for rework
    step(AppealStatus.ON_APPROVAL, 800);
    step(AppealStatus.DELIVERING, 900);

    PublicStatus delivering = PublicStatus.of(appeal(AppealStatus.DELIVERING), entries);
    assertThat(delivering.history()).extracting(PublicStatus.Step::status)
        .containsExactly("RECEIVED", "REGISTERED", "IN_PROGRESS", "DELIVERING");
    assertThat(delivering.history()).extracting(PublicStatus.Step::at)
        .containsExactly("20.11.2026 10:00 (МСК)", "20.11.2026 10:01 (МСК)", null, null);

    step(AppealStatus.ANSWERED, 901);
    step(AppealStatus.CLOSED, 901);
    PublicStatus closed = PublicStatus.of(appeal(AppealStatus.CLOSED), entries);
    assertThat(closed.history()).extracting(PublicStatus.Step::status)
        .containsExactly("RECEIVED", "REGISTERED", "IN_PROGRESS", "ANSWERED", "CLOSED");
    assertThat(closed.history().get(3).at()).isEqualTo("21.11.2026 01:01 (МСК)");
    assertThat(closed.awaitingInformation()).isFalse();
  }

  @Test
  void anAppealOnApprovalReadsAsBeingAnsweredAndAnInformationRequestIsOpenOnlyWhileItWaits() {
    step(AppealStatus.RECEIVED, 0);
    step(AppealStatus.ON_APPROVAL, 5);
    PublicStatus s = PublicStatus.of(appeal(AppealStatus.ON_APPROVAL), entries);
    assertThat(s.status()).isEqualTo("IN_PROGRESS");
    assertThat(s.statusText()).isEqualTo("Готовится ответ");

    Appeal waiting = appeal(AppealStatus.INFORMATION_REQUESTED);
    waiting.informationRequested("Укажите номер договора.");
    PublicStatus w = PublicStatus.of(waiting, entries);
    assertThat(w.awaitingInformation()).isTrue();
    assertThat(w.informationRequest()).isEqualTo("Укажите номер договора.");

    Appeal answered = appeal(AppealStatus.INFORMATION_RECEIVED);
    answered.informationRequested("Укажите номер договора.");
    assertThat(PublicStatus.of(answered, entries).informationRequest()).isNull();
  }
}

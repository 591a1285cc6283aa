package ru.appealdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

class OutageReportTest {

  @Test
  void acceptsApiInputAndDropsRepeatedChannels() {
    OutageReport r = OutageReport.parse(" Сайт недоступен ", null, "2026-11-21T08:00:00+03:00",
        List.of("WEBSITE", "EMAIL", "WEBSITE"), "к вечеру");

    assertThat(r.what()).isEqualTo("Сайт недоступен");
    assertThat(r.since()).isEqualTo(Instant.parse("2026-11-21T05:00:00Z"));
    assertThat(r.affectedChannels()).containsExactly(AffectedChannel.WEBSITE, AffectedChannel.EMAIL);
    assertThat(r.channelCodes()).isEqualTo("WEBSITE,EMAIL");
    assertThat(r.expectedRecovery()).isEqualTo("к вечеру");
  }

  @Test
  void acceptsWhatTasklistAndEngineRestSubmit() {
    OutageReport fromForm = OutageReport.parse("Сбой", "Іркіліс", "2026-11-21T08:00+03:00",
        Spin.JSON("[\"PERSONAL_CABINET\"]"), "");
    assertThat(fromForm.affectedChannels()).containsExactly(AffectedChannel.PERSONAL_CABINET);
    assertThat(fromForm.whatKk()).isEqualTo("Іркіліс");
    assertThat(fromForm.expectedRecovery()).isNull();

    OutageReport fromRest = OutageReport.parse("Сбой", null, Date.from(Instant.parse("2026-11-21T05:00:00Z")),
        "[\"PHONE\",\"EMAIL\"]", null);
    assertThat(fromRest.affectedChannels()).containsExactly(AffectedChannel.PHONE, AffectedChannel.EMAIL);
    assertThat(OutageReport.parse("Сбой", null, "2026-11-21T08:00:00+03:00", "PHONE, EMAIL", null)
        .affectedChannels()).containsExactly(AffectedChannel.PHONE, AffectedChannel.EMAIL);
  }

  @Test
  void namesEveryBadField() {
    assertThatThrownBy(() -> OutageReport.parse(" ", "к".repeat(501), "вчера", List.of(), "x".repeat(201)))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field)
            .containsExactly("what", "whatKk", "since", "affectedChannels", "expectedRecovery"));
  }

  @Test
  void refusesUnknownChannelsAndAStartInTheFuture() {
    assertThatThrownBy(() -> OutageReport.parse("Сбой", null, "2999-01-01T00:00:00+03:00", List.of("EMAIL", "FAX"),
        null))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("since", "affectedChannels[1]");
          assertThat(e.problems().get(1).message()).contains("FAX");
        });
    assertThatThrownBy(() -> OutageReport.parse("Сбой", null, null, null, null))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("since", "affectedChannels"));
  }
}

package ru.appealdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 17, "done when": {@code GET /api/reports/sla} in JSON and CSV, its figures checked against the cases of
 * {@link SlaKnownCases} (September 2026, read on 5 October), who may read which jurisdiction, and the 400s of a bad
 * period.
 */
class SlaReportApiTest extends AbstractIntegrationTest {

  static final String PERIOD = "/api/reports/sla?from=" + SlaKnownCases.FROM + "&to=" + SlaKnownCases.TO;

  @Autowired
  SlaKnownCases cases;
  @Autowired
  ObjectMapper json;

  @BeforeEach
  void knownCases() {
    cases.ensure();
  }

  Http as(String user) {
    return Http.as(baseUrl(), user, "demo");
  }

  JsonNode report(String user, String query) throws Exception {
    HttpResponse<String> r = as(user).get(query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
        .startsWith("application/json"));
    return json.readTree(r.body());
  }

  static JsonNode row(JsonNode jurisdiction, String breakdown, String key) {
    return StreamSupport.stream(jurisdiction.get(breakdown).spliterator(), false)
        .filter(r -> key.equals(r.path("key").asText(null))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + breakdown + " row " + key + " in " + jurisdiction));
  }

  /** received, answered, answeredOnTime, breached, medianDaysToAnswer, openNow, overdueNow. */
  static void figures(JsonNode n, long received, long answered, long onTime, long breached, String median,
      long open, long overdue) {
    assertThat(List.of(n.get("received").asLong(), n.get("answered").asLong(), n.get("answeredOnTime").asLong(),
        n.get("breached").asLong(), n.get("openNow").asLong(), n.get("overdueNow").asLong()))
        .as("received, answered, on time, breached, open, overdue of %s", n)
        .containsExactly(received, answered, onTime, breached, open, overdue);
    if (median == null) {
      assertThat(n.get("medianDaysToAnswer").isNull()).as(n.toString()).isTrue();
    } else {
      assertThat(n.get("medianDaysToAnswer").decimalValue()).as(n.toString())
          .isEqualByComparingTo(new java.math.BigDecimal(median));
    }
  }

  @Test
  void theControllerSeesTheFiguresOfTheRussianCasesOfThePeriod() throws Exception {
    JsonNode body = report("controller", PERIOD);
    assertThat(body.get("from").asText()).isEqualTo("2026-09-01");
    assertThat(body.get("jurisdictions")).hasSize(1);
    JsonNode ru = body.get("jurisdictions").get(0);
    assertThat(ru.get("jurisdiction").asText()).isEqualTo("RU");
    assertThat(ru.get("periodStart").asText()).isEqualTo("2026-09-01T00:00+03:00");
    assertThat(ru.get("periodEnd").asText()).isEqualTo("2026-10-01T00:00+03:00");

    // A, B, C, D (X came on 1 October Moscow time); A and B answered (3 and 16 days), B late; B and C breached;
    // C and D open, C late
    figures(ru, 4, 2, 1, 2, "9.5", 2, 1);
    figures(row(ru, "byGroup", "legal"), 3, 2, 1, 2, "9.5", 1, 1);
    figures(row(ru, "byGroup", "branch-head"), 1, 0, 0, 0, null, 1, 0);
    assertThat(row(ru, "byGroup", "legal").get("label").asText()).isEqualTo("Юридический отдел");
    assertThat(ru.get("byType")).hasSize(1);
    figures(row(ru, "byType", "COMPLAINT"), 4, 2, 1, 2, "9.5", 2, 1);
    figures(row(ru, "bySubject", "LOAN_TERMS"), 3, 2, 1, 2, "9.5", 1, 1);
    figures(row(ru, "bySubject", "OFFICE_HOURS"), 1, 0, 0, 0, null, 1, 0);
    figures(row(ru, "byChannel", "EMAIL"), 3, 2, 1, 2, "9.5", 1, 1);
    figures(row(ru, "byChannel", "WEBSITE"), 1, 0, 0, 0, null, 1, 0);

    assertThat(ru.get("breachesByStep")).hasSize(1);
    JsonNode step = ru.get("breachesByStep").get(0);
    assertThat(step.get("step").asText()).isEqualTo("Task_PrepareAnswer");
    assertThat(step.get("group").asText()).isEqualTo("legal");
    assertThat(step.get("cases").asLong()).isEqualTo(2);

    assertThat(ru.get("topSubjects")).extracting(t -> t.get("subject").asText() + "=" + t.get("received").asLong())
        .containsExactly("LOAN_TERMS=3", "OFFICE_HOURS=1");
  }

  @Test
  void theClientRightsOfficerSeesKazakhstanAndAdminsBoth() throws Exception {
    JsonNode kz = report("rightsofficer", PERIOD).get("jurisdictions");
    assertThat(kz).hasSize(1);
    assertThat(kz.get(0).get("jurisdiction").asText()).isEqualTo("KZ");
    assertThat(kz.get(0).get("periodStart").asText()).isEqualTo("2026-09-01T00:00+05:00");
    // K: open and past its 15 calendar days; the breach timer has not run, so it is late now but not (yet) breached
    figures(kz.get(0), 1, 0, 0, 0, null, 1, 1);
    figures(row(kz.get(0), "byGroup", "kz-complaints"), 1, 0, 0, 0, null, 1, 1);

    JsonNode both = report("demo", PERIOD).get("jurisdictions");
    assertThat(both).extracting(j -> j.get("jurisdiction").asText()).containsExactly("RU", "KZ");
    JsonNode onlyKz = report("demo", PERIOD + "&jurisdiction=KZ").get("jurisdictions");
    assertThat(onlyKz).extracting(j -> j.get("jurisdiction").asText()).containsExactly("KZ");

    // the controller may not ask for KZ; an employee outside the three groups may not read the report at all
    for (String query : List.of(PERIOD + "&jurisdiction=KZ")) {
      HttpResponse<String> r = as("controller").get(query);
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
          .startsWith("application/problem+json"));
    }
    HttpResponse<String> lawyer = as("lawyer").get(PERIOD);
    assertThat(lawyer.statusCode()).isEqualTo(403);
    assertThat(lawyer.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
        .startsWith("application/problem+json"));
    assertThat(Http.anonymous(baseUrl()).get(PERIOD).statusCode()).isEqualTo(401);
  }

  @Test
  void csvHasTheSameFiguresWithRussianHeadersForExcel() {
    HttpResponse<String> r = as("controller").send(as("controller").request(PERIOD).header("Accept", "text/csv")
        .GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
        .startsWith("text/csv").contains("UTF-8"));
    String csv = r.body();
    assertThat(csv).startsWith("\uFEFFЮрисдикция;Период с;Период по;Разрез;Код;Наименование;Получено;Отвечено;"
        + "Отвечено в срок;С нарушением срока;Медиана дней до ответа;Открыто сейчас;Просрочено сейчас\r\n");
    assertThat(csv).contains("\r\nRU;2026-09-01;2026-09-30;Итого;;Все обращения периода;4;2;1;2;9,5;2;1\r\n");
    assertThat(csv).contains("\r\nRU;2026-09-01;2026-09-30;Ответственное подразделение;legal;Юридический отдел;"
        + "3;2;1;2;9,5;1;1\r\n");
    assertThat(csv).contains(";Ответственное подразделение;branch-head;");
    assertThat(csv).contains("\r\nRU;2026-09-01;2026-09-30;Канал поступления;WEBSITE;");
    assertThat(csv).contains(";1;0;0;0;;1;0\r\n");
    assertThat(csv).containsPattern("\r\nRU;Task_PrepareAnswer;[^;]*;legal;Юридический отдел;2\r\n");
    assertThat(csv).contains("\r\nRU;1;LOAN_TERMS;");
    assertThat(csv).doesNotContain("KZ;");
  }

  @Test
  void aBadPeriodIsA400NamingTheField() throws Exception {
    for (var c : List.of(List.of("/api/reports/sla?from=2026-13-01&to=2026-12-31", "from"),
        List.of("/api/reports/sla?from=2026-11-01", "to"),
        List.of("/api/reports/sla?from=2026-12-31&to=2026-11-01", "to"),
        List.of("/api/reports/sla?from=2020-01-01&to=2026-12-31", "to"),
        List.of("/api/reports/sla?from=2026-11-01&to=2026-12-31&jurisdiction=XX", "jurisdiction"))) {
      HttpResponse<String> r = as("controller").get(c.get(0));
      assertThat(r.statusCode()).as(c.get(0) + " " + r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
          .startsWith("application/problem+json"));
      JsonNode errors = json.readTree(r.body()).get("errors");
      assertThat(errors.get(0).get("field").asText()).isEqualTo(c.get(1));
      assertThat(errors.get(0).get("message").asText()).containsPattern("[а-я]");
    }
  }
}

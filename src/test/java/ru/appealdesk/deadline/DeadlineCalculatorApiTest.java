package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 13, item 8: the deadline calculator for employees and process owners, {@code GET /api/deadlines/calculate},
 * on the examples of the issue.
 */
class DeadlineCalculatorApiTest extends AbstractIntegrationTest {

  @Autowired
  ObjectMapper json;

  JsonNode calculate(String user, String jurisdiction, String from, String days, String kind) throws Exception {
    HttpResponse<String> r = Http.as(baseUrl(), user, "demo").get("/api/deadlines/calculate?jurisdiction="
        + jurisdiction + "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&days=" + days + "&kind="
        + kind);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  @Test
  void theIssuesExampleRussiaDayOf2027IsMovedByTheLawAndTheResultIsProvisional() throws Exception {
    JsonNode r = calculate("lawyer", "RU", "2027-06-11T10:00:00+03:00", "1", "WORKING_DAYS");
    assertThat(r.get("dueAt").asText()).isEqualTo("2027-06-15T23:59:59+03:00");
    assertThat(r.get("provisional").asBoolean()).isTrue();
    assertThat(r.get("basis").asText()).contains("1 рабочий день после 11.06.2027")
        .contains("12.06.2027 (сб) — День России").contains("14.06.2027 (пн) — Перенос выходного дня с 12.06.2027")
        .contains("Срок предварительный").contains("ст. 112 Трудового кодекса");
    assertThat(r.get("provisionalYears").toString()).isEqualTo("[2027]");
  }

  @Test
  void processOwnersCountKazakhDaysToo() throws Exception {
    JsonNode constitutionDay = calculate("processowner", "KZ", "2027-03-12T10:00:00+05:00", "1", "WORKING_DAYS");
    assertThat(constitutionDay.get("dueAt").asText()).isEqualTo("2027-03-16T23:59:59+05:00");
    assertThat(constitutionDay.get("provisional").asBoolean()).isTrue();
    assertThat(constitutionDay.get("basis").asText()).contains("День Конституции");

    JsonNode calendarDays = calculate("kzspecialist", "KZ", "2026-08-16T10:00:00+05:00", "15", "CALENDAR_DAYS");
    assertThat(calendarDays.get("dueAt").asText()).as("30.08 is no holiday from 2026 on")
        .isEqualTo("2026-08-31T23:59:59+05:00");
    assertThat(calendarDays.get("provisional").asBoolean()).isFalse();
    assertThat(calendarDays.get("basis").asText()).contains("15 календарных дней после 16.08.2026")
        .contains("31.08.2026");
  }

  @Test
  void sameDayOnASaturdayEndsThatSaturday() throws Exception {
    JsonNode r = calculate("branchhead", "RU", "2026-11-07T11:00:00+03:00", "0", "SAME_DAY");
    assertThat(r.get("dueAt").asText()).isEqualTo("2026-11-07T23:59:59+03:00");
    assertThat(r.get("provisional").asBoolean()).isFalse();
    assertThat(r.get("basis").asText()).contains("В день получения 07.11.2026 (сб)");
  }

  @Test
  void badInputIsARussianProblemNamingEachField() throws Exception {
    HttpResponse<String> r = Http.as(baseUrl(), "lawyer", "demo").get(
        "/api/deadlines/calculate?jurisdiction=DE&from=11.06.2027&days=-1&kind=WEEKS");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(r.body()).contains("jurisdiction").contains("RU или KZ").contains("\"from\"").contains("ISO 8601")
        .contains("days").contains("kind").contains("WORKING_DAYS");
    assertThat(Http.as(baseUrl(), "lawyer", "demo").get("/api/deadlines/calculate").body())
        .contains("Укажите юрисдикцию").contains("Укажите число дней");
    assertThat(Http.anonymous(baseUrl()).get(
        "/api/deadlines/calculate?jurisdiction=RU&from=2027-06-11T10:00:00%2B03:00&days=1&kind=WORKING_DAYS")
        .statusCode()).isEqualTo(401);
  }
}

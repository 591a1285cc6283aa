package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/** Administrators add calendar years without a release; the health component warns about a missing next year. */
class CalendarApiTest extends AbstractIntegrationTest {

  @Autowired
  ObjectMapper json;
  @Autowired
  DeadlineService deadlines;

  private Http admin() {
    return Http.as(baseUrl(), "demo", "demo");
  }

  private JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  @Test
  void listsTheBundledYears() throws Exception {
    HttpResponse<String> r = admin().get("/api/calendars");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"country\":\"KZ\",\"year\":2025").contains("\"country\":\"RU\",\"year\":2026");
    HttpResponse<String> year = admin().get("/api/calendars/kz/2025");
    assertThat(year.statusCode()).isEqualTo(200);
    assertThat(body(year).get("source").asText()).isEqualTo("bundled:kz-2025.xml");
    assertThat(year.body()).contains("\"date\":\"2025-01-05\",\"type\":\"WORKING\"");
    assertThat(admin().get("/api/calendars/ru/2031").statusCode()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsMayChangeCalendars() {
    assertThat(Http.anonymous(baseUrl()).get("/api/calendars").statusCode()).isEqualTo(401);
    assertThat(Http.as(baseUrl(), "controller", "demo").get("/api/calendars").statusCode()).isEqualTo(403);
    assertThat(Http.as(baseUrl(), "lawyer", "demo").postJson("/api/calendars",
        "{\"country\":\"RU\",\"year\":2097,\"days\":[{\"date\":\"2097-01-01\",\"type\":\"NON_WORKING\"}]}")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void addsAndReplacesAYearAsJsonAndDeadlinesFollowAtOnce() throws Exception {
    // 2099 has no data: 1 Jan 2099 (Thursday) + 1 working day; fixed holiday 2 Jan -> Monday 5 Jan
    Date from = Date.from(LocalDateTime.parse("2099-01-01T10:00").atZone(Jurisdiction.KZ.zone()).toInstant());
    Date fallback = deadlines.due("KZ", from, 1, "WORKING_DAYS");
    assertThat(fallback.toInstant()).isEqualTo(Instant.parse("2099-01-05T18:59:59Z"));

    HttpResponse<String> created = admin().postJson("/api/calendars", """
        {"country":"KZ","year":2099,"days":[
          {"date":"2099-01-01","type":"NON_WORKING","title":"Новый год"},
          {"date":"2099-01-02","type":"NON_WORKING","title":"Новый год"},
          {"date":"2099-01-05","type":"NON_WORKING","movedFrom":"2099-01-03"},
          {"date":"2099-01-10","type":"WORKING"}]}""");
    assertThat(created.statusCode()).isIn(200, 201);
    assertThat(body(created).get("days").asInt()).isEqualTo(4);
    assertThat(deadlines.due("KZ", from, 1, "WORKING_DAYS").toInstant())
        .as("2nd, Saturday 3rd, Sunday 4th, Monday 5th off").isEqualTo(Instant.parse("2099-01-06T18:59:59Z"));

    HttpResponse<String> replaced = admin().postJson("/api/calendars", """
        {"country":"KZ","year":2099,"days":[{"date":"2099-01-01","type":"NON_WORKING"}]}""");
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(body(replaced).get("replaced").asBoolean()).isTrue();
    assertThat(deadlines.due("KZ", from, 1, "WORKING_DAYS").toInstant()).isEqualTo(Instant.parse("2099-01-02T18:59:59Z"));
    assertThat(admin().get("/api/calendars/KZ/2099").body()).contains("2099-01-01").doesNotContain("2099-01-05");
  }

  @Test
  void refusesBadDaysWithRussianReasons() throws Exception {
    HttpResponse<String> r = admin().postJson("/api/calendars", """
        {"country":"RU","year":2096,"days":[
          {"date":"2095-12-31","type":"NON_WORKING"},
          {"date":"2096-01-04","type":"WORKING"},
          {"date":"2096-13-01","type":"NON_WORKING"},
          {"date":"2096-01-02","type":"HOLIDAY"}]}""");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("days[2].date").contains("days[3].type");
    HttpResponse<String> r2 = admin().postJson("/api/calendars", """
        {"country":"RU","year":2096,"days":[
          {"date":"2095-12-31","type":"NON_WORKING"},
          {"date":"2096-01-04","type":"WORKING"}]}""");
    assertThat(r2.statusCode()).isEqualTo(400);
    assertThat(r2.body()).contains("days[0].date").contains("не относится к году")
        .contains("days[1].type").contains("только суббота или воскресенье");
    assertThat(admin().postJson("/api/calendars", "{\"country\":\"DE\",\"year\":2096,\"days\":[]}").body())
        .contains("country").contains("RU или KZ");
    assertThat(admin().get("/api/calendars/ru/2096").statusCode()).isEqualTo(404);
  }

  @Test
  void importsTheXmlcalendarFormat() throws Exception {
    String xml;
    try (InputStream in = getClass().getResourceAsStream("/calendars/ru-2026.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("year=\"2026\"", "year=\"2098\"").replace(" country=\"ru\"", "");
    }
    HttpResponse<String> noCountry = importXml(xml, "");
    assertThat(noCountry.statusCode()).isEqualTo(400);
    assertThat(noCountry.body()).contains("страна");

    HttpResponse<String> r = importXml(xml, "?country=RU");
    assertThat(r.statusCode()).isIn(200, 201);
    assertThat(body(r).get("days").asInt()).isEqualTo(22);
    JsonNode year = body(admin().get("/api/calendars/RU/2098"));
    assertThat(year.get("source").asText()).isEqualTo("api:xmlcalendar");
    assertThat(year.toString()).contains("\"date\":\"2098-11-04\",\"type\":\"NON_WORKING\",\"title\":\"День народного единства\"");

    assertThat(importXml("<calendar year=\"2098\"><days><day d=\"02.30\" t=\"1\"/></days></calendar>", "?country=RU")
        .body()).contains("ММ.ДД");
    assertThat(importXml("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<calendar year=\"2098\">&e;</calendar>", "?country=RU").statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> importXml(String xml, String query) {
    return admin().send(admin().request("/api/calendars/import" + query).header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)));
  }

  @Test
  void healthWarnsAboutNextYearFromTheFirstOfNovemberAndTheApplicationStaysUp() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-10-31T12:00:00Z")));
    JsonNode october = body(admin().get("/actuator/health/productionCalendar"));
    assertThat(october.get("status").asText()).isEqualTo("UP");
    assertThat(october.at("/details/missing").size()).isZero();
    assertThat(october.at("/details/warning").isMissingNode()).isTrue();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-01T09:00:00Z")));
    HttpResponse<String> november = admin().get("/actuator/health/productionCalendar");
    assertThat(november.statusCode()).isEqualTo(200);
    JsonNode d = body(november);
    assertThat(d.get("status").asText()).isEqualTo("WARN");
    assertThat(d.at("/details/level").asText()).isEqualTo("WARN");
    assertThat(d.at("/details/missing").toString()).contains("RU 2027").contains("KZ 2027");
    assertThat(d.at("/details/warning").asText()).contains("Нет данных производственного календаря")
        .contains("POST /api/calendars");
    HttpResponse<String> whole = Http.anonymous(baseUrl()).get("/actuator/health");
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(body(whole).get("status").asText()).as("WARN ranks below UP").isEqualTo("UP");
    assertThat(body(admin().get("/actuator/health")).at("/components/productionCalendar/status").asText())
        .isEqualTo("WARN");
  }
}

package ru.appealdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import ru.appealdesk.support.Http;

/**
 * Cases made through the API for security tests. An RU complaint about loan terms by e-mail is handled by
 * {@code legal} with a {@code branch-head} conclusion and delivered by {@code branch-head} (SPEC §3.5, §3.6); a KZ
 * complaint by e-mail goes to {@code kz-complaints}.
 */
public final class CaseFixtures {

  private static final Random RANDOM = new Random();

  private CaseFixtures() {}

  /** Intake of an RU loan-terms complaint with every detail; returns the number. */
  public static String ruComplaint(Http intake, ObjectMapper json, String fullName, String phone, String email,
      String address, String idDocument, String content) throws Exception {
    HttpResponse<String> r = intake.postJson("/api/appeals", """
        {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
         "receivedAt":"2026-11-20T10:00:00+03:00","language":"ru",
         "client":{"fullName":%s,"phone":%s,"email":%s,"postalAddress":%s,"postalCode":"300000","idDocument":%s},
         "content":%s,"demand":"Пересчитать задолженность","situationPlace":"офис на ул. Ленина",
         "situationAt":"2026-11-18T12:00:00+03:00","contractNumber":"ДЗ-2026-777"}"""
        .formatted(q(json, fullName), q(json, phone), q(json, email), q(json, address), q(json, idDocument),
            q(json, content)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("number").asText();
  }

  public static String ruComplaint(Http intake, ObjectMapper json) throws Exception {
    int n = 100000 + RANDOM.nextInt(899999);
    return ruComplaint(intake, json, "Кузнецова Мария Петровна", "+7 900 765-43-21", "client" + n + "@example.ru",
        "г. Тула, ул. Ленина, д. 3", "45 08 " + n, "Начислены пени сверх договора.");
  }

  /** Intake of a KZ complaint by e-mail (Russian language); returns the number. */
  public static String kzComplaint(Http intake, ObjectMapper json) throws Exception {
    int n = 100000 + RANDOM.nextInt(899999);
    HttpResponse<String> r = intake.postJson("/api/appeals", """
        {"jurisdiction":"KZ","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
         "receivedAt":"2026-11-20T10:00:00+05:00","language":"ru",
         "client":{"fullName":"Ахметов Ержан","phone":"+7 701 555-%04d","email":"kz%d@example.kz",
                   "postalAddress":"Алматы, пр. Абая, 1","postalCode":"050000","idDocument":"N%d"},
         "content":"Неверно начислено вознаграждение.","demand":"Пересчитать",
         "situationPlace":"отделение","situationAt":"2026-11-18T12:00:00+05:00","contractNumber":"KZ-777"}"""
        .formatted(n % 10000, n, n));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("number").asText();
  }

  /** A KZ restructuring application (12 monthly incomes); returns the number. */
  public static String restructuring(Http intake, ObjectMapper json) throws Exception {
    HttpResponse<String> r = intake.postJson("/api/restructurings", """
        {"borrower":{"fullName":"Сериков Асхат","iin":"900101400122","phone":"+7 701 000-00-01",
                     "email":"serikov@example.kz","postalAddress":"Алматы"},
         "contractNumber":"MK-KZ-1","language":"ru","receivedAt":"2026-11-16T10:00:00+05:00",
         "requestedOptions":["PAYMENT_DEFERRAL"],"circumstances":"Потерял работу",
         "monthlyIncome":[100,100,100,100,100,100,100,100,100,100,70,70],
         "sociallyVulnerable":false,"targetedSocialAssistance":false,"emergencyAffected":false}""");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("number").asText();
  }

  /** An outage report; returns the number. */
  public static String outage(Http intake, ObjectMapper json) throws Exception {
    HttpResponse<String> r = intake.postJson("/api/outages", """
        {"what":"Не работает сайт","since":"2026-11-20T08:00:00+03:00","affectedChannels":["WEBSITE"]}""");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("number").asText();
  }

  /** Multipart upload of one file to {@code /api/appeals/{number}/documents}. */
  public static HttpResponse<String> upload(Http http, String number, String fileName, String contentType,
      byte[] content) {
    return uploadTo(http, "/api/appeals/" + number + "/documents", fileName, contentType, content);
  }

  /** Multipart upload of one file (field {@code file}) to any path. */
  public static HttpResponse<String> uploadTo(Http http, String path, String fileName, String contentType,
      byte[] content) {
    String boundary = "----sec" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(http.request(path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static String q(ObjectMapper json, String s) throws Exception {
    return json.writeValueAsString(s);
  }
}

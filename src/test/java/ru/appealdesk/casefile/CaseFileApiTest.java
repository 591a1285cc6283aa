package ru.appealdesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

class CaseFileApiTest extends AbstractIntegrationTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired
  ObjectMapper json;

  @Test
  void uploadedScanIsStoredWithItsHashListedAndDownloadedByteForByte() throws Exception {
    String number = "RU-2026-" + unique();
    byte[] scan = randomBytes(300_000);
    Http branchHead = Http.as(baseUrl(), "branchhead", "demo");

    HttpResponse<byte[]> created = upload(branchHead, number, "Скан заявления.pdf", "application/pdf", scan);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode record = json.readTree(created.body());
    assertThat(record.get("sha256").asText()).isEqualTo(CaseFile.sha256(scan)).hasSize(64);
    assertThat(record.get("sizeBytes").asLong()).isEqualTo(scan.length);
    assertThat(record.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(record.get("uploadedBy").asText()).isEqualTo("branchhead");
    assertThat(record.get("fileName").asText()).isEqualTo("Скан заявления.pdf");
    assertThat(record.get("kind").asText()).isEqualTo("ATTACHMENT");
    long id = record.get("id").asLong();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/appeals/" + number + "/documents/" + id);

    HttpResponse<String> list = branchHead.get("/api/appeals/" + number + "/documents");
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode documents = json.readTree(list.body());
    assertThat(documents).hasSize(1);
    assertThat(documents.get(0).get("id").asLong()).isEqualTo(id);

    HttpResponse<byte[]> download = CLIENT.send(
        branchHead.request("/api/appeals/" + number + "/documents/" + id).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(scan);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(CaseFile.sha256(scan));
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        v -> assertThat(v).startsWith("attachment").contains("filename*=UTF-8''"));

    assertThat(branchHead.get("/api/appeals/" + number + "/documents/" + (id + 1_000_000)).statusCode())
        .isEqualTo(404);
    assertThat(branchHead.get("/api/appeals/RU-2026-other/documents/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void receiptScanCanBeFiledAsPostalReceipt() throws Exception {
    String number = "RU-2026-" + unique();
    HttpResponse<byte[]> created = uploadTo(Http.as(baseUrl(), "officemanager", "demo"),
        number + "/documents?kind=POSTAL_RECEIPT", "квитанция.jpg", "image/jpeg", randomBytes(1000));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json.readTree(created.body()).get("kind").asText()).isEqualTo("POSTAL_RECEIPT");
  }

  @Test
  void forbiddenTypesAreRefusedWith400() throws Exception {
    String number = "RU-2026-" + unique();
    HttpResponse<byte[]> refused = upload(Http.as(baseUrl(), "branchhead", "demo"), number, "virus.exe",
        "application/x-msdownload", randomBytes(100));
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("не допускается");

    HttpResponse<byte[]> empty = upload(Http.as(baseUrl(), "branchhead", "demo"), number, "empty.pdf",
        "application/pdf", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(Http.as(baseUrl(), "branchhead", "demo").get("/api/appeals/" + number + "/documents").body())
        .isEqualTo("[]");
  }

  @Test
  void filesOverTwentyMegabytesAreRefusedWith413() throws Exception {
    String number = "RU-2026-" + unique();
    HttpResponse<byte[]> refused = upload(Http.as(baseUrl(), "branchhead", "demo"), number, "big.pdf",
        "application/pdf", new byte[20 * 1024 * 1024 + 1]);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(Http.as(baseUrl(), "branchhead", "demo").get("/api/appeals/" + number + "/documents").body())
        .isEqualTo("[]");
  }

  @Test
  void documentsBelongToExistingAppealsAndLettersOnly() throws Exception {
    Http http = Http.as(baseUrl(), "webmarketer", "demo");
    HttpResponse<String> intake = http.postJson("/api/appeals", """
        {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
         "receivedAt":"2026-11-20T10:00:00+03:00","language":"ru",
         "client":{"fullName":"Кузнецова Мария","phone":"+7 900 765-43-21","email":"kuznetsova@example.ru",
                   "postalAddress":"г. Тула, ул. Ленина, д. 3","postalCode":"300000",
                   "idDocument":"45 08 %s"},
         "content":"Начислены пени.","demand":"Пересчитать","situationPlace":"офис",
         "situationAt":"2026-11-18T12:00:00+03:00","contractNumber":"ДЗ-2026-778"}
        """.formatted(100000 + new Random().nextInt(899999)));
    assertThat(intake.statusCode()).as(intake.body()).isEqualTo(201);
    String number = json.readTree(intake.body()).get("number").asText();

    assertThat(upload(http, number, "scan.png", "image/png", randomBytes(500)).statusCode()).isEqualTo(201);
    assertThat(upload(http, "RU-1999-999999", "scan.png", "image/png", randomBytes(500)).statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/appeals/KZ-1999-999999/documents").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/appeals/LTR-1999-999999/documents").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/appeals/" + number + "/documents").statusCode()).isEqualTo(200);
  }

  @Test
  void anonymousCallersAreRefused() throws Exception {
    HttpResponse<byte[]> refused = upload(Http.anonymous(baseUrl()), "RU-2026-" + unique(), "a.pdf",
        "application/pdf", randomBytes(10));
    assertThat(refused.statusCode()).isEqualTo(401);
  }

  private HttpResponse<byte[]> upload(Http http, String number, String fileName, String contentType, byte[] content)
      throws Exception {
    return uploadTo(http, number + "/documents", fileName, contentType, content);
  }

  private HttpResponse<byte[]> uploadTo(Http http, String pathAfterAppeals, String fileName, String contentType,
      byte[] content) throws Exception {
    String boundary = "----appealdesk" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return CLIENT.send(http.request("/api/appeals/" + pathAfterAppeals)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}

package ru.appealdesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.CaseFixtures;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * The electronic case file over HTTP: what is filed comes back byte for byte with its hash; the type is what the bytes
 * are (Apache Tika), not what the client says; only existing cases have a file, and only those who may see the case
 * reach it.
 */
class CaseFileApiTest extends AbstractIntegrationTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired
  ObjectMapper json;

  Http branchHead;
  String number;

  @BeforeEach
  void appeal() throws Exception {
    branchHead = Http.as(baseUrl(), "branchhead", "demo"); // co-executor and deliverer of a loan-terms complaint
    number = CaseFixtures.ruComplaint(Http.as(baseUrl(), "webmarketer", "demo"), json);
  }

  @Test
  void uploadedScanIsStoredWithItsHashListedAndDownloadedByteForByte() throws Exception {
    byte[] scan = SampleFiles.pdf(3);

    HttpResponse<String> created = CaseFixtures.upload(branchHead, number, "Скан заявления.pdf", "application/pdf",
        scan);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
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
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        v -> assertThat(v).startsWith("attachment").contains("filename*=UTF-8''"));

    assertThat(branchHead.get("/api/appeals/" + number + "/documents/" + (id + 1_000_000)).statusCode())
        .isEqualTo(404);
    assertThat(branchHead.get("/api/appeals/RU-2026-other/documents/" + id).statusCode()).isEqualTo(404);
    // someone with no role in the case: the same 404 as for a case that does not exist
    HttpResponse<String> stranger = Http.as(baseUrl(), "marketer", "demo").get("/api/appeals/" + number
        + "/documents/" + id);
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(stranger.body()).doesNotContain("pdf");
  }

  @Test
  void everyAllowedTypeIsAcceptedAndStoredAsDetected() throws Exception {
    assertThat(type(CaseFixtures.upload(branchHead, number, "квитанция.jpg", "image/jpeg", SampleFiles.jpeg())))
        .isEqualTo("image/jpeg");
    assertThat(type(CaseFixtures.upload(branchHead, number, "фото", null, SampleFiles.png())))
        .isEqualTo("image/png");
    assertThat(type(CaseFixtures.upload(branchHead, number, "заявление.docx", "application/octet-stream",
        SampleFiles.docx())))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(type(CaseFixtures.upload(branchHead, number, "пояснение.txt", "text/plain",
        SampleFiles.text("Клиент пояснил по телефону."))))
        .isEqualTo("text/plain");
  }

  @Test
  void receiptScanCanBeFiledAsPostalReceipt() throws Exception {
    HttpResponse<String> created = CaseFixtures.uploadTo(branchHead, "/api/appeals/" + number
        + "/documents?kind=POSTAL_RECEIPT", "квитанция.jpg", "image/jpeg", SampleFiles.jpeg());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json.readTree(created.body()).get("kind").asText()).isEqualTo("POSTAL_RECEIPT");
  }

  @Test
  void forbiddenAndDisguisedTypesAreRefusedWith400() throws Exception {
    assertRefused(CaseFixtures.upload(branchHead, number, "virus.exe", "application/x-msdownload",
        SampleFiles.exe()), "не принимается");
    assertRefused(CaseFixtures.upload(branchHead, number, "setup.pdf", "application/pdf", SampleFiles.exe()),
        "не принимается");
    assertRefused(CaseFixtures.upload(branchHead, number, "photo.png", "image/png", SampleFiles.svgWithScript()),
        "не принимается");
    assertRefused(CaseFixtures.upload(branchHead, number, "note.txt", "text/plain", SampleFiles.html()),
        "не принимается");
    assertRefused(CaseFixtures.upload(branchHead, number, "scan.jpg", "image/jpeg", SampleFiles.png()),
        "расширение");
    assertRefused(CaseFixtures.upload(branchHead, number, "scan.png", "image/jpeg", SampleFiles.png()),
        "заявленный тип");
    assertRefused(CaseFixtures.upload(branchHead, number, "empty.pdf", "application/pdf", new byte[0]), "пустой");
    assertThat(branchHead.get("/api/appeals/" + number + "/documents").body()).isEqualTo("[]");
  }

  @Test
  void bidiControlsAreStrippedFromFileNames() throws Exception {
    // "scan_\u202Efdp.exe" would show as "scan_exe.pdf" in a list: stored without the right-to-left override
    HttpResponse<String> created = CaseFixtures.upload(branchHead, number, "scan_\u202Etxt.exe\u2066", "text/plain",
        SampleFiles.text("текст"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(400); // .exe is not text: the extension lies
    HttpResponse<String> ok = CaseFixtures.upload(branchHead, number, "отчёт\u202E\u200Ftxt.txt", "text/plain",
        SampleFiles.text("текст"));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(json.readTree(ok.body()).get("fileName").asText()).isEqualTo("отчётtxt.txt");
  }

  @Test
  void filesOverTwentyMegabytesAreRefusedWith413() throws Exception {
    byte[] big = new byte[20 * 1024 * 1024 + 1];
    System.arraycopy(SampleFiles.pdf(1), 0, big, 0, 100);
    HttpResponse<String> refused = CaseFixtures.upload(branchHead, number, "big.pdf", "application/pdf", big);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    assertThat(branchHead.get("/api/appeals/" + number + "/documents").body()).isEqualTo("[]");
  }

  @Test
  void documentsBelongToExistingCasesOnly() throws Exception {
    Http admin = Http.as(baseUrl(), "demo", "demo");
    assertThat(CaseFixtures.upload(admin, number, "scan.png", "image/png", SampleFiles.png()).statusCode())
        .isEqualTo(201);
    assertThat(CaseFixtures.upload(admin, "RU-1999-999999", "scan.png", "image/png", SampleFiles.png())
        .statusCode()).isEqualTo(404);
    assertThat(CaseFixtures.upload(admin, "NOPE-1", "scan.png", "image/png", SampleFiles.png()).statusCode())
        .isEqualTo(404);
    assertThat(admin.get("/api/appeals/KZ-1999-999999/documents").statusCode()).isEqualTo(404);
    assertThat(admin.get("/api/appeals/LTR-1999-999999/documents").statusCode()).isEqualTo(404);
    assertThat(admin.get("/api/appeals/" + number + "/documents").statusCode()).isEqualTo(200);
  }

  @Test
  void anonymousCallersAreRefused() {
    HttpResponse<String> refused = CaseFixtures.upload(Http.anonymous(baseUrl()), number, "a.pdf",
        "application/pdf", SampleFiles.pdf(1));
    assertThat(refused.statusCode()).isEqualTo(401);
  }

  private String type(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("contentType").asText();
  }

  private void assertRefused(HttpResponse<String> r, String reason) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode problem = json.readTree(r.body());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(problem.get("errors").get(0).get("message").asText()).contains(reason);
  }
}

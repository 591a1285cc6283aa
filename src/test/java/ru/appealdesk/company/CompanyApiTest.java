package ru.appealdesk.company;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * {@code /api/company}: every employee reads the profiles and positions, only {@code camunda-admin} changes them, and
 * every bad value is refused as problem JSON naming the field in Russian.
 */
class CompanyApiTest extends AbstractIntegrationTest {

  @Autowired
  ObjectMapper json;
  @Autowired
  CompanyProfiles profiles;
  @Autowired
  Signatories signatories;

  Http admin() {
    return Http.as(baseUrl(), "demo", "demo");
  }

  Http employee() {
    return Http.as(baseUrl(), "branchhead", "demo");
  }

  /** The other tests print the demo profile: put it back as it was. */
  @AfterEach
  void restoreDemoData() throws IOException {
    profiles.save(Jurisdiction.RU, CompanyDemoData.RU, "test");
    profiles.save(Jurisdiction.KZ, CompanyDemoData.KZ, "test");
    profiles.saveLogo(Jurisdiction.RU, getClass().getClassLoader().getResourceAsStream("company/demo-logo-ru.png")
        .readAllBytes(), "test");
    String[] director = CompanyDemoData.POSITIONS.get("director");
    signatories.setPosition("director", director[0], director[1], "test");
  }

  @Test
  void everyEmployeeReadsTheDemoProfilesOfBothCountriesAndNobodyElse() throws Exception {
    HttpResponse<String> all = employee().get("/api/company");
    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    JsonNode list = json.readTree(all.body());
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("jurisdiction").asText()).isEqualTo("RU");
    assertThat(list.get(0).get("inn").asText()).isEqualTo("7709123453");
    assertThat(list.get(0).get("logoUrl").asText()).isEqualTo("/api/company/RU/logo");
    JsonNode kz = json.readTree(employee().get("/api/company/KZ").body());
    assertThat(kz.get("bin").asText()).isEqualTo("210140001232");
    assertThat(kz.get("kk").get("name").asText()).isEqualTo("Мысал Кредит");

    HttpResponse<byte[]> logo = bytes(employee(), "/api/company/KZ/logo");
    assertThat(logo.statusCode()).isEqualTo(200);
    assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(logo.body()))).isNotNull();

    assertThat(Http.anonymous(baseUrl()).get("/api/company").statusCode()).isEqualTo(401);
    HttpResponse<String> badCountry = employee().get("/api/company/DE");
    assertThat(badCountry.statusCode()).isEqualTo(400);
    assertThat(badCountry.body()).contains("jurisdiction").contains("допустимо: RU, KZ");
  }

  @Test
  void onlyAnAdministratorChangesTheProfileAndTheNextLetterUsesIt() throws Exception {
    ObjectNode body = ruProfile();
    body.put("name", "Новое Имя");
    body.put("inn", "7707083893");
    HttpResponse<String> refused = put(employee(), "/api/company/RU", body.toString());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));

    HttpResponse<String> saved = put(admin(), "/api/company/RU", body.toString());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    JsonNode profile = json.readTree(saved.body());
    assertThat(profile.get("name").asText()).isEqualTo("Новое Имя");
    assertThat(profile.get("inn").asText()).isEqualTo("7707083893");
    assertThat(profile.get("updatedBy").asText()).isEqualTo("demo");
    assertThat(profile.get("logoUrl").asText()).as("the logo stays").isEqualTo("/api/company/RU/logo");
    assertThat(json.readTree(employee().get("/api/company/RU").body()).get("name").asText()).isEqualTo("Новое Имя");
  }

  @Test
  void badValuesAreRefusedWithEveryFieldAndARussianReason() throws Exception {
    ObjectNode body = ruProfile();
    body.put("inn", "7707083894");
    body.put("ogrn", "123");
    body.remove("mfoRegistryNumber");
    body.put("email", "не почта");
    body.put("phone", "звоните");
    body.put("bin", "210140001232");
    body.put("legalAddress", " ");
    HttpResponse<String> r = put(admin(), "/api/company/RU", body.toString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode errors = json.readTree(r.body()).get("errors");
    assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("inn", "ogrn", "mfoRegistryNumber",
        "email", "phone", "bin", "legalAddress");
    assertThat(r.body()).contains("неверный ИНН: не совпадает контрольная цифра").contains("ОГРН состоит из 13 цифр")
        .contains("БИН не заполняется для RU");

    ObjectNode kz = (ObjectNode) json.readTree(employee().get("/api/company/KZ").body());
    kz.put("bin", "210140001233");
    kz.remove("licence");
    HttpResponse<String> badKz = put(admin(), "/api/company/KZ", kz.toString());
    assertThat(badKz.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badKz.body()).get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("bin", "licence");
    assertThat(badKz.body()).contains("неверный БИН");

    HttpResponse<String> noBody = put(admin(), "/api/company/KZ", "");
    assertThat(noBody.statusCode()).isEqualTo(400);
    assertThat(noBody.body()).doesNotContain("Exception");
  }

  @Test
  void theLogoMustBeARealPngOrJpegAndOnlyAnAdministratorUploadsIt() throws Exception {
    byte[] jpeg = image("jpg");
    assertThat(upload(employee(), "/api/company/KZ/logo", "logo.jpg", "image/jpeg", jpeg).statusCode())
        .isEqualTo(403);
    HttpResponse<String> ok = upload(admin(), "/api/company/KZ/logo", "logo.jpg", "image/jpeg", jpeg);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    HttpResponse<byte[]> served = bytes(admin(), "/api/company/KZ/logo");
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(served.body()).isEqualTo(jpeg);

    HttpResponse<String> text = upload(admin(), "/api/company/KZ/logo", "logo.png", "image/png",
        "<svg>не картинка</svg>".getBytes(StandardCharsets.UTF_8));
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.body()).contains("\"field\":\"file\"").contains("PNG или JPEG");
    byte[] broken = image("png");
    broken = java.util.Arrays.copyOf(broken, 40);
    assertThat(upload(admin(), "/api/company/KZ/logo", "logo.png", "image/png", broken).body())
        .contains("не читается");
    assertThat(upload(admin(), "/api/company/KZ/logo", "logo.png", "image/png",
        new byte[CompanyProfiles.MAX_LOGO_BYTES + 1]).body()).contains("больше 1 МБ");

    HttpResponse<String> deleted = admin().send(admin().request("/api/company/KZ/logo").DELETE());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(employee().get("/api/company/KZ/logo").statusCode()).isEqualTo(404);
    assertThat(json.readTree(employee().get("/api/company/KZ").body()).get("logoUrl").isNull()).isTrue();
    profiles.saveLogo(Jurisdiction.KZ, getClass().getClassLoader().getResourceAsStream("company/demo-logo-kz.png")
        .readAllBytes(), "test");
  }

  @Test
  void positionsOfSignatoriesAreSetByAnAdministratorAndNamesComeFromCamunda() throws Exception {
    JsonNode director = json.readTree(employee().get("/api/company/signatories/director").body());
    assertThat(director.get("fullName").asText()).isEqualTo("Геннадий Директоров");
    assertThat(director.get("position").asText()).isEqualTo("Генеральный директор");
    assertThat(director.get("positionKk").asText()).isEqualTo("Бас директор");
    JsonNode all = json.readTree(employee().get("/api/company/signatories").body());
    assertThat(all.findValuesAsText("userId")).contains("director", "rightsofficer", "branchhead");

    String position = "{\"position\": \"Исполняющий обязанности генерального директора\", \"positionKk\": null}";
    assertThat(put(employee(), "/api/company/signatories/director", position).statusCode()).isEqualTo(403);
    HttpResponse<String> set = put(admin(), "/api/company/signatories/director", position);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(signatories.of("director").position("kk"))
        .as("no Kazakh position: the Russian one is printed").isEqualTo("Исполняющий обязанности генерального директора");

    HttpResponse<String> blank = put(admin(), "/api/company/signatories/director", "{\"position\": \"  \"}");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("\"field\":\"position\"").contains("укажите должность");
    HttpResponse<String> unknown = put(admin(), "/api/company/signatories/nobody-" + UUID.randomUUID(), position);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("не найден");

    assertThat(admin().send(admin().request("/api/company/signatories/director").DELETE()).statusCode())
        .isEqualTo(204);
    assertThat(signatories.of("director").position()).isNull();
    assertThat(signatories.of("director").fullName()).isEqualTo("Геннадий Директоров");
  }

  private ObjectNode ruProfile() throws IOException {
    ObjectNode body = (ObjectNode) json.readTree(employee().get("/api/company/RU").body());
    body.remove(java.util.List.of("jurisdiction", "logoUrl", "updatedAt", "updatedBy"));
    return body;
  }

  private static HttpResponse<byte[]> bytes(Http http, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(http.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> put(Http http, String path, String body) {
    return http.send(http.request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> upload(Http http, String path, String fileName, String contentType,
      byte[] content) throws IOException {
    String boundary = "----appealdesk" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(http.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static byte[] image(String format) throws IOException {
    BufferedImage img = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(0, 0, 80, 40);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }
}

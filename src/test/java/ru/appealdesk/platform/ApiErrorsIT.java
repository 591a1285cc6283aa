package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/** Errors that no controller answers are Russian problem JSON with a field too, for /api; the webapps keep theirs. */
class ApiErrorsIT extends AbstractIntegrationTest {

  @Autowired
  ObjectMapper json;

  Http admin() {
    return Http.as(baseUrl(), "demo", "demo");
  }

  JsonNode problem(HttpResponse<String> r, int status, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode body = json.readTree(r.body());
    assertThat(body.at("/errors/0/field").asText()).isEqualTo(field);
    assertThat(body.at("/errors/0/message").asText()).matches(".*[а-яА-Я].*");
    return body;
  }

  @Test
  void unknownPathsWrongMethodsAndMediaTypes() throws Exception {
    problem(admin().get("/api/nothing-here"), 404, "path");
    problem(admin().send(admin().request("/api/appeals").DELETE()), 405, "method");
    problem(admin().send(admin().request("/api/appeals").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("x"))), 415, "Content-Type");
    problem(Http.anonymous(baseUrl()).get("/api/appeals/RU-2026-000001"), 401, "Authorization");
    problem(Http.as(baseUrl(), "lawyer", "demo").get("/api/calendars"), 403, "Authorization");
    problem(admin().get("/api/appeals/a;b"), 400, "path");
  }

  @Test
  void jsonThatIsWrongIsNamed() throws Exception {
    JsonNode unknown = problem(admin().postJson("/api/outages", "{\"wat\":1}"), 400, "wat");
    assertThat(unknown.at("/errors/0/message").asText()).contains("неизвестное поле");
    problem(admin().postJson("/api/outages", "{\"what\":\"a\",\"what\":\"b\"}"), 400, "what");
    problem(admin().postJson("/api/outages", "{\"what\":\"a\\u0000\"}"), 400, "what");
    problem(admin().postJson("/api/outages", "{"), 400, "body");
  }

  @Test
  void requestsTomcatCannotReadAreProblemJsonForTheApi() throws Exception {
    String auth = Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
    String api = raw("GET /api/appeals/a|b{c} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
        + "\r\nConnection: close\r\n\r\n");
    assertThat(api).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"field\":\"path\"")
        .doesNotContain("<html");
    String webapp = raw("GET /camunda/a|b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(webapp).startsWith("HTTP/1.1 400").doesNotContain("problem+json");
  }

  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

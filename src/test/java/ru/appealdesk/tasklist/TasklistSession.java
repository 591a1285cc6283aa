package ru.appealdesk.tasklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A browser-like client of the Camunda webapps: their own session login and CSRF token, no HTTP Basic. */
final class TasklistSession {

  static final String PLUGIN = "/camunda/api/tasklist/plugin/appealdesk-case-card/default";

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;

  private TasklistSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Not logged in: the webapp's start page only (session and CSRF cookie). */
  static TasklistSession anonymous(String baseUrl) {
    TasklistSession s = new TasklistSession(baseUrl);
    s.send(s.request("/camunda/app/tasklist/default/").GET());
    return s;
  }

  /** Logged into Tasklist as the user, as the login page does it. */
  static TasklistSession login(String baseUrl, String user, String password) {
    TasklistSession s = anonymous(baseUrl);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<byte[]> r = s.send(s.request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", s.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Tasklist login of " + user + " failed: " + r.statusCode());
    }
    // the login starts a new session with a new CSRF token, handed out with the next request (as the app does)
    s.send(s.request("/camunda/api/engine/engine/").header("X-XSRF-TOKEN", "Fetch").GET());
    return s;
  }

  String csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
  }

  Reply get(String path) {
    return reply(send(request(path).header("Accept", "application/json").GET()));
  }

  /** A file posted as the request body, as the case card's upload does; {@code csrf = false} leaves the header out. */
  Reply upload(String path, String fileName, String contentType, byte[] content, boolean csrf) {
    HttpRequest.Builder b = request(path).header("Content-Type", contentType).header("Accept", "application/json")
        .header("X-File-Name", URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(content));
    if (csrf) {
      b.header("X-XSRF-TOKEN", csrfToken());
    }
    return reply(send(b));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder b) {
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What came back: status, headers and the body as bytes and as UTF-8 text. */
  record Reply(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Reply reply(HttpResponse<byte[]> r) {
    return new Reply(r.statusCode(), r.headers(), r.body());
  }
}

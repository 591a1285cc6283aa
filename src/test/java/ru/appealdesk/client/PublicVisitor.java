package ru.appealdesk.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the public pages over real HTTP: its own cookies (like one browser), its own address (sent as
 * {@code X-Forwarded-For}; the tests run with {@code trusted-proxies: 1}), no redirects followed, multipart form posts.
 */
final class PublicVisitor {

  private static final AtomicInteger NEXT = new AtomicInteger(1);
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

  final String address;
  private final String baseUrl;
  private final HttpClient http;

  PublicVisitor(String baseUrl) {
    this.baseUrl = baseUrl;
    int n = NEXT.getAndIncrement();
    this.address = "10.77." + (n / 250 % 250) + "." + (n % 250 + 1); // one address per visitor
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  }

  HttpResponse<String> get(String path) {
    return send(request(path).header("Accept", "text/html").GET());
  }

  HttpResponse<String> getJson(String path) {
    return send(request(path).header("Accept", "application/json").GET());
  }

  HttpResponse<String> post(String path, Multipart body) {
    return send(request(path).header("Accept", "text/html")
        .header("Content-Type", "multipart/form-data; boundary=" + body.boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("X-Forwarded-For", address);
  }

  HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String formToken(String html) {
    Matcher m = FORM_TOKEN.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no form token in the page");
    }
    return m.group(1).replace("&#39;", "'").replace("&amp;", "&");
  }

  /** A multipart/form-data body. */
  static final class Multipart {
    final String boundary = "----client-test-" + UUID.randomUUID();
    private final List<byte[]> parts = new ArrayList<>();

    Multipart field(String name, String value) {
      if (value != null) {
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
            + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      return this;
    }

    Multipart file(String name, String fileName, String contentType, byte[] content) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
          + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      parts.add(out.toByteArray());
      return this;
    }

    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      parts.forEach(out::writeBytes);
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }
  }
}

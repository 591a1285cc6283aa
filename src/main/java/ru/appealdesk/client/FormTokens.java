package ru.appealdesk.client;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * CSRF protection of the public form posts without a server session (two nodes need no sticky sessions): a signed
 * double-submit token. The browser holds a random cookie ({@code appealdesk_form}, HttpOnly, SameSite=Lax); every form
 * carries {@code issuedAt.nonce.signature}, the signature an HMAC-SHA256 over that cookie, the time, the nonce and the
 * form's purpose. A foreign site can neither read the cookie nor make the browser send it with a cross-site post, so it
 * cannot produce a form the server accepts. The nonce is also the form's idempotency key: sending the same form twice
 * (a double click, a reload) files one appeal.
 *
 * <p>Key: {@code appealdesk.client.form-secret}, else a random key stored once in {@code client_form_key} so that every
 * node uses the same one.
 */
@Component
class FormTokens {

  static final String COOKIE = "appealdesk_form";
  static final String FIELD = "formToken";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ClientProperties properties;
  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile byte[] key;

  @org.springframework.beans.factory.annotation.Autowired
  FormTokens(ClientProperties properties, JdbcClient jdbc) {
    this(properties, jdbc, Clock.systemUTC());
  }

  FormTokens(ClientProperties properties, JdbcClient jdbc, Clock clock) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A checked form: its nonce, unique per opened form. */
  record Accepted(String nonce) {}

  /**
   * A token for a form of this purpose; sets the cookie on the response when the browser has none yet.
   *
   * @param purpose what the form does, e.g. {@code appeal} or {@code information:RU-2026-000001}
   */
  String issue(HttpServletRequest request, HttpServletResponse response, String purpose) {
    String cookie = cookie(request).orElse(null);
    if (cookie == null) {
      cookie = random(18);
      ResponseCookie c = ResponseCookie.from(COOKIE, cookie).path("/").httpOnly(true).sameSite("Lax")
          .secure(request.isSecure()).build();
      response.addHeader(HttpHeaders.SET_COOKIE, c.toString());
      request.setAttribute(COOKIE, cookie); // a second form on the same response signs with the same cookie
    }
    String issuedAt = Long.toString(clock.instant().getEpochSecond());
    String nonce = random(18);
    return issuedAt + "." + nonce + "." + sign(cookie, issuedAt, nonce, purpose);
  }

  /** The form's nonce when the token is genuine, for this purpose, this browser and not too old. */
  Optional<Accepted> check(HttpServletRequest request, String token, String purpose) {
    Optional<String> cookie = cookie(request);
    if (token == null || cookie.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3 || !parts[0].matches("[0-9]{1,12}") || !COOKIE_VALUE.matcher(parts[1]).matches()) {
      return Optional.empty();
    }
    long issued = Long.parseLong(parts[0]);
    long now = clock.instant().getEpochSecond();
    if (issued > now + CLOCK_SKEW.toSeconds() || now - issued > properties.formTokenLifetime().toSeconds()) {
      return Optional.empty();
    }
    byte[] expected = sign(cookie.get(), parts[0], parts[1], purpose).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    return Optional.of(new Accepted(parts[1]));
  }

  private static Optional<String> cookie(HttpServletRequest request) {
    Object fresh = request.getAttribute(COOKIE);
    if (fresh instanceof String s) {
      return Optional.of(s);
    }
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName()) && c.getValue() != null && COOKIE_VALUE.matcher(c.getValue()).matches()) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  private String sign(String cookie, String issuedAt, String nonce, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] sig = mac.doFinal(String.join("|", cookie, issuedAt, nonce, purpose).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          String configured = properties.formSecret();
          key = configured != null && !configured.isBlank()
              ? configured.getBytes(StandardCharsets.UTF_8) : storedKey();
        }
        k = key;
      }
    }
    return k;
  }

  /** The key every node shares: the first node to need it stores it, the others read that one. */
  private byte[] storedKey() {
    jdbc.sql("insert into client_form_key (id, secret) values (1, :secret) on conflict (id) do nothing")
        .param("secret", random(32)).update();
    String secret = jdbc.sql("select secret from client_form_key where id = 1").query(String.class).single();
    return secret.getBytes(StandardCharsets.US_ASCII);
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}

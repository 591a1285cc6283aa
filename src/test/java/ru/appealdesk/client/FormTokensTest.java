package ru.appealdesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class FormTokensTest {

  static ClientProperties properties(String secret, String lifetime) {
    var source = new MapConfigurationPropertySource(java.util.Map.of("appealdesk.client.form-secret", secret,
        "appealdesk.client.form-token-lifetime", lifetime));
    return new Binder(source).bindOrCreate("appealdesk.client", ClientProperties.class);
  }

  private final FormTokens tokens = new FormTokens(properties("a-secret-for-the-test-only-0123456789", "12h"), null);

  @Test
  void aTokenIsGoodForItsBrowserAndItsFormOnly() {
    MockHttpServletRequest get = new MockHttpServletRequest();
    MockHttpServletResponse response = new MockHttpServletResponse();
    String token = tokens.issue(get, response, "appeal");
    Cookie cookie = response.getCookie(FormTokens.COOKIE);
    assertThat(cookie).isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(response.getHeader("Set-Cookie")).contains("SameSite=Lax");

    assertThat(tokens.check(post(cookie.getValue()), token, "appeal")).isPresent();
    assertThat(tokens.check(post(cookie.getValue()), token, "appeal").get().nonce())
        .isEqualTo(token.split("\\.")[1]);
    assertThat(tokens.check(post(cookie.getValue()), token, "information:RU-2026-000001")).as("another form")
        .isEmpty();
    assertThat(tokens.check(post("AAAAAAAAAAAAAAAAAAAAAAAA"), token, "appeal")).as("another browser").isEmpty();
    assertThat(tokens.check(new MockHttpServletRequest(), token, "appeal")).as("no cookie").isEmpty();
    assertThat(tokens.check(post(cookie.getValue()), token.substring(0, token.length() - 2) + "xx", "appeal"))
        .as("forged signature").isEmpty();
    assertThat(tokens.check(post(cookie.getValue()), "garbage", "appeal")).isEmpty();
    assertThat(tokens.check(post(cookie.getValue()), null, "appeal")).isEmpty();

    MockHttpServletRequest again = post(cookie.getValue());
    MockHttpServletResponse second = new MockHttpServletResponse();
    tokens.issue(again, second, "appeal");
    assertThat(second.getCookie(FormTokens.COOKIE)).as("the browser's cookie is kept").isNull();
  }

  @Test
  void tokensExpireAfterTheirLifetime() {
    ClientProperties twoHours = properties("a-secret-for-the-test-only-0123456789", "2h");
    RateLimiterTest.MovingClock clock = new RateLimiterTest.MovingClock();
    FormTokens tokens = new FormTokens(twoHours, null, clock);
    MockHttpServletResponse response = new MockHttpServletResponse();
    String token = tokens.issue(new MockHttpServletRequest(), response, "appeal");
    String cookie = response.getCookie(FormTokens.COOKIE).getValue();

    clock.now = clock.now.plus(Duration.ofMinutes(119));
    assertThat(tokens.check(post(cookie), token, "appeal")).isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertThat(tokens.check(post(cookie), token, "appeal")).isEmpty();
  }

  private static MockHttpServletRequest post(String cookie) {
    MockHttpServletRequest r = new MockHttpServletRequest("POST", "/appeal");
    r.setCookies(new Cookie(FormTokens.COOKIE, cookie));
    return r;
  }
}

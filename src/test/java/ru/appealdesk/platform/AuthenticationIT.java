package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Wrong passwords slow the one who types them down and never lock the account for good; the verified-credentials
 * cache follows password and membership changes at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationIT extends AbstractIntegrationTest {

  static final String USER = "authtest";
  static final String PASSWORD = "Auth-Test-Pa55word!";

  @Autowired
  IdentityService identityService;
  @Autowired
  LoginThrottle throttle;

  @BeforeEach
  void user() {
    User u = identityService.newUser(USER);
    u.setFirstName("Тест");
    u.setLastName("Входов");
    u.setPassword(PASSWORD);
    identityService.saveUser(u);
    identityService.createMembership(USER, AppGroup.LEGAL.id());
  }

  @AfterEach
  void removeUser() {
    identityService.deleteUser(USER);
    throttle.reset();
  }

  Http as(String password) {
    return Http.as(baseUrl(), USER, password);
  }

  @Test
  void wrongPasswordsAreThrottledNotLockedAndNeverLogged(CapturedOutput output) throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(as("wrong-" + i).get("/api/calendars").statusCode()).isEqualTo(401);
    }
    HttpResponse<String> sixth = as("wrong-5").get("/api/calendars");
    assertThat(sixth.statusCode()).isEqualTo(401);
    HttpResponse<String> throttled = as(PASSWORD).get("/api/deadlines/overdue?group=legal");
    assertThat(throttled.statusCode()).as("even the right password waits out the delay").isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    assertThat(throttled.body()).contains("слишком много неудачных попыток");

    Thread.sleep(1_200);
    assertThat(as(PASSWORD).get("/api/deadlines/overdue?group=legal").statusCode())
        .as("after the delay the real user gets in (403: legal may not list deadlines, but is authenticated)")
        .isEqualTo(403);

    // Camunda's own lockout is off: a dozen wrong passwords checked by the engine lock nobody out
    for (int i = 0; i < 12; i++) {
      assertThat(identityService.checkPassword(USER, "wrong")).isFalse();
    }
    assertThat(identityService.checkPassword(USER, PASSWORD)).isTrue();

    String log = output.getAll();
    assertThat(log).contains("Login failed for user " + USER + " from 127.0.0.1").doesNotContain("wrong-3")
        .doesNotContain(PASSWORD);
  }

  @Test
  void theTasklistLoginIsThrottledTheSameWay() {
    Http anonymous = Http.anonymous(baseUrl());
    int last = 0;
    for (int i = 0; i < 7; i++) {
      last = anonymous.send(anonymous.request("/camunda/api/admin/auth/user/default/login/tasklist")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=nope" + i,
              StandardCharsets.UTF_8))).statusCode();
    }
    assertThat(last).isEqualTo(429);
  }

  /**
   * Behind our proxy (the tests run with {@code trusted-proxies: 1}, as the nodes do behind nginx): the address counted
   * is the one nginx appended to {@code X-Forwarded-For}. One client's wrong passwords hold back that client only,
   * never the same user at another desk, although every request reaches the node from nginx' address; an address the
   * client writes further left is not believed. The same for the Tasklist login form.
   */
  @Test
  void behindTheProxyTheThrottleCountsTheClientsAddressNotTheProxys() {
    String attacker = "203.0.113.66";
    for (int i = 0; i < 6; i++) {
      assertThat(basic("198.51.100." + i + ", " + attacker, "wrong-" + i)).as("forged entries on the left change nothing")
          .isEqualTo(401);
    }
    assertThat(basic(attacker, PASSWORD)).as("the attacker's address is held back").isEqualTo(429);
    assertThat(basic("192.0.2.10", PASSWORD)).as("the real user at their own desk is not (403: authenticated)")
        .isEqualTo(403);

    Http anonymous = Http.anonymous(baseUrl());
    int last = 0;
    for (int i = 0; i < 7; i++) {
      last = form(anonymous, attacker, "nope" + i);
    }
    assertThat(last).isEqualTo(429);
    assertThat(form(anonymous, "192.0.2.10", PASSWORD))
        .as("the Tasklist login at another desk is checked, not held back (403: this test user has no Tasklist)")
        .isIn(200, 403);
  }

  private int basic(String forwardedFor, String password) {
    Http http = as(password);
    return http.send(http.request("/api/deadlines/overdue?group=legal").header("X-Forwarded-For", forwardedFor).GET())
        .statusCode();
  }

  private static int form(Http anonymous, String forwardedFor, String password) {
    return anonymous.send(anonymous.request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forwardedFor)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + password,
            StandardCharsets.UTF_8))).statusCode();
  }

  @Test
  void theCredentialsCacheFollowsPasswordAndMembershipChanges() {
    assertThat(as(PASSWORD).get("/api/calendars").statusCode()).isEqualTo(403);
    assertThat(as(PASSWORD).get("/api/calendars").statusCode()).as("cached").isEqualTo(403);

    identityService.createMembership(USER, AppGroup.CAMUNDA_ADMIN);
    assertThat(as(PASSWORD).get("/api/calendars").statusCode()).as("new group at once").isEqualTo(200);
    identityService.deleteMembership(USER, AppGroup.CAMUNDA_ADMIN);
    assertThat(as(PASSWORD).get("/api/calendars").statusCode()).as("group gone at once").isEqualTo(403);

    User u = identityService.createUserQuery().userId(USER).singleResult();
    u.setPassword("Changed-Pa55word!");
    identityService.saveUser(u);
    assertThat(as(PASSWORD).get("/api/calendars").statusCode()).as("old password at once").isEqualTo(401);
    assertThat(as("Changed-Pa55word!").get("/api/calendars").statusCode()).isEqualTo(403);
  }
}

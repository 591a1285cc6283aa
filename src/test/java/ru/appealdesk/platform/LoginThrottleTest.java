package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Growing, capped delays per user and address; the real user elsewhere is never held back; success forgets. */
class LoginThrottleTest {

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
  final LoginThrottle throttle = new LoginThrottle(
      new SecurityProperties.LoginThrottle(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1)),
      now::get);

  @Test
  void theDelayDoublesAfterTheFreeFailuresAndStopsAtTheCap() {
    assertThat(throttle.delay(1)).isZero();
    assertThat(throttle.delay(3)).isZero();
    assertThat(throttle.delay(4)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.delay(5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.delay(8)).isEqualTo(Duration.ofSeconds(16));
    assertThat(throttle.delay(11)).isEqualTo(Duration.ofSeconds(60));
    assertThat(throttle.delay(10_000)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void anAttackerFromOneAddressDoesNotLockTheUserOutElsewhere() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("lawyer", "203.0.113.9");
    }
    assertThat(throttle.waitSeconds("lawyer", "203.0.113.9")).isBetween(1L, 60L);
    assertThat(throttle.waitSeconds("lawyer", "10.0.0.5")).as("the real user at the office").isZero();
    assertThat(throttle.waitSeconds("marketer", "203.0.113.9")).as("another user").isZero();
  }

  @Test
  void theWaitEndsAndASuccessForgetsTheFailures() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("lawyer", "10.0.0.5");
    }
    assertThat(throttle.waitSeconds("lawyer", "10.0.0.5")).isEqualTo(1);
    now.set(now.get().plusSeconds(2));
    assertThat(throttle.waitSeconds("lawyer", "10.0.0.5")).isZero();
    throttle.succeeded("lawyer", "10.0.0.5");
    throttle.failed("lawyer", "10.0.0.5");
    assertThat(throttle.waitSeconds("lawyer", "10.0.0.5")).as("counting starts again").isZero();
  }

  @Test
  void oldFailuresAreForgotten() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("lawyer", "10.0.0.5");
    }
    now.set(now.get().plus(Duration.ofHours(2)));
    throttle.failed("lawyer", "10.0.0.5");
    assertThat(throttle.waitSeconds("lawyer", "10.0.0.5")).isZero();
  }

  @Test
  void onlyWhatLooksLikeAUserIdIsLogged() {
    assertThat(LoginThrottle.safe("lawyer")).isEqualTo("lawyer");
    assertThat(LoginThrottle.safe("Иванов Иван")).isEqualTo("<not a user id>");
    assertThat(LoginThrottle.safe("a b")).isEqualTo("<not a user id>");
  }
}

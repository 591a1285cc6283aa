package ru.appealdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import ru.appealdesk.platform.ClientAddress;

class RateLimiterTest {

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void anAddressGetsItsLimitPerWindowAndThenWaits() {
    MovingClock clock = new MovingClock();
    RateLimiter limiter = new RateLimiter("test", 3, Duration.ofMinutes(10), 100, clock);

    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.tryAcquire("b")).as("another address").isTrue();
    clock.now = clock.now.plus(Duration.ofMinutes(4));
    assertThat(limiter.retryAfterSeconds("a")).isEqualTo(360);
    assertThat(limiter.tryAcquire("a")).isFalse();
    clock.now = clock.now.plus(Duration.ofMinutes(6));
    assertThat(limiter.tryAcquire("a")).as("a new window").isTrue();
  }

  @Test
  void recordedFailuresExhaustTheKeyUntilTheWindowEnds() {
    MovingClock clock = new MovingClock();
    RateLimiter limiter = new RateLimiter("test", 2, Duration.ofMinutes(15), 100, clock);
    limiter.record("a");
    assertThat(limiter.exhausted("a")).isFalse();
    limiter.record("a");
    limiter.record("a");
    assertThat(limiter.exhausted("a")).isTrue();
    assertThat(limiter.exhausted("b")).isFalse();
    clock.now = clock.now.plus(Duration.ofMinutes(15));
    assertThat(limiter.exhausted("a")).isFalse();
    assertThat(limiter.retryAfterSeconds("nobody")).isEqualTo(1);
  }

  @Test
  void memoryIsBounded() {
    MovingClock clock = new MovingClock();
    RateLimiter limiter = new RateLimiter("test", 1, Duration.ofMinutes(1), 3, clock);
    for (int i = 0; i < 4; i++) {
      limiter.tryAcquire("a" + i);
    }
    assertThat(limiter.tryAcquire("a0")).as("counting started afresh").isTrue();
    assertThatThrownBy(() -> new RateLimiter("bad", 0, Duration.ofMinutes(1), 3, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void forwardedForIsBelievedOnlyAsFarAsOurOwnProxiesWroteIt() {
    MockHttpServletRequest direct = new MockHttpServletRequest();
    direct.setRemoteAddr("198.51.100.7");
    direct.addHeader("X-Forwarded-For", "1.2.3.4");
    assertThat(ClientAddress.of(direct, 0)).as("no proxy configured: the header is forged").isEqualTo("198.51.100.7");

    MockHttpServletRequest viaNginx = new MockHttpServletRequest();
    viaNginx.setRemoteAddr("10.0.0.2");
    viaNginx.addHeader("X-Forwarded-For", "6.6.6.6, 203.0.113.9");
    assertThat(ClientAddress.of(viaNginx, 1)).as("the client's own entry is ignored").isEqualTo("203.0.113.9");
    assertThat(ClientAddress.of(viaNginx, 2)).isEqualTo("6.6.6.6");
    assertThat(ClientAddress.of(viaNginx, 5)).isEqualTo("6.6.6.6");

    MockHttpServletRequest bypassing = new MockHttpServletRequest();
    bypassing.setRemoteAddr("198.51.100.8");
    bypassing.addHeader("X-Forwarded-For", "<script>evil</script>");
    assertThat(ClientAddress.of(bypassing, 1)).as("what is not an address is not believed").isEqualTo("198.51.100.8");
    MockHttpServletRequest v6 = new MockHttpServletRequest();
    v6.addHeader("X-Forwarded-For", "2001:db8::1");
    assertThat(ClientAddress.of(v6, 1)).isEqualTo("2001:db8::1");

    MockHttpServletRequest twoHeaders = new MockHttpServletRequest();
    twoHeaders.addHeader("X-Forwarded-For", "6.6.6.6");
    twoHeaders.addHeader("X-Forwarded-For", "203.0.113.10");
    assertThat(ClientAddress.of(twoHeaders, 1)).isEqualTo("203.0.113.10");

    MockHttpServletRequest noHeader = new MockHttpServletRequest();
    noHeader.setRemoteAddr("10.0.0.2");
    assertThat(ClientAddress.of(noHeader, 1)).isEqualTo("10.0.0.2");
  }
}

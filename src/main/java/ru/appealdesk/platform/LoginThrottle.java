package ru.appealdesk.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords slow down the one who types them, never the real user elsewhere: failures are counted per
 * (user id, client address). After {@code freeFailures} the next attempt from that address for that user is refused
 * unchecked (429 with {@code Retry-After}) for a delay that doubles with every failure up to {@code maxDelay}. A
 * success clears the count; nothing is ever locked for good (Camunda's own lockout is off, see application.yaml). Every
 * failure is logged with user id and address (employees' accounts and addresses, not clients' data), never the
 * password. Kept in memory per node: a restart forgets the counts.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_KEYS = 100_000;

  private final SecurityProperties.LoginThrottle settings;
  private final Supplier<Instant> clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  @org.springframework.beans.factory.annotation.Autowired
  LoginThrottle(SecurityProperties properties) {
    this(properties.loginThrottle(), Instant::now);
  }

  LoginThrottle(SecurityProperties.LoginThrottle settings, Supplier<Instant> clock) {
    this.settings = settings;
    this.clock = clock;
  }

  private static final class Failures {
    int count;
    Instant last;
    Instant blockedUntil;
    boolean refusalLogged;
  }

  /** Seconds the caller must still wait (0: go ahead and check the password). */
  public long waitSeconds(String userId, String address) {
    Failures f = failures.get(key(userId, address));
    if (f == null) {
      return 0;
    }
    synchronized (f) {
      Instant now = clock.get();
      if (f.blockedUntil == null || !now.isBefore(f.blockedUntil)) {
        return 0;
      }
      long seconds = Math.max(1, (Duration.between(now, f.blockedUntil).toMillis() + 999) / 1000);
      if (!f.refusalLogged) {
        f.refusalLogged = true;
        log.warn("Login attempts for user {} from {} refused for {} s after {} failures", safe(userId), address,
            seconds, f.count);
      }
      return seconds;
    }
  }

  public void failed(String userId, String address) {
    Instant now = clock.get();
    if (failures.size() > MAX_KEYS) {
      failures.values().removeIf(x -> x.last.plus(settings.forgetAfter()).isBefore(now));
      if (failures.size() > MAX_KEYS) {
        log.warn("Login throttle: more than {} users and addresses with failures, counts reset", MAX_KEYS);
        failures.clear();
      }
    }
    Failures f = failures.computeIfAbsent(key(userId, address), k -> new Failures());
    synchronized (f) {
      if (f.last != null && f.last.plus(settings.forgetAfter()).isBefore(now)) {
        f.count = 0;
      }
      f.count++;
      f.last = now;
      f.refusalLogged = false;
      Duration delay = delay(f.count);
      f.blockedUntil = delay.isZero() ? null : now.plus(delay);
      log.warn("Login failed for user {} from {} (failure {}{})", safe(userId), address, f.count,
          delay.isZero() ? "" : "; next attempt in " + delay.toSeconds() + " s");
    }
  }

  public void succeeded(String userId, String address) {
    Failures f = failures.remove(key(userId, address));
    if (f != null) {
      log.info("Login of user {} from {} after {} failures", safe(userId), address, f.count);
    }
  }

  /** 0 for the free failures, then base, 2×base, 4×base … up to the cap. */
  Duration delay(int failureCount) {
    int over = failureCount - settings.freeFailures();
    if (over <= 0) {
      return Duration.ZERO;
    }
    long factor = over >= 31 ? Long.MAX_VALUE : 1L << (over - 1);
    Duration max = settings.maxDelay();
    long baseMillis = settings.baseDelay().toMillis();
    return factor > max.toMillis() / Math.max(1, baseMillis) ? max
        : Duration.ofMillis(Math.min(max.toMillis(), baseMillis * factor));
  }

  private static String key(String userId, String address) {
    return (userId == null ? "" : userId) + '\n' + (address == null ? "" : address);
  }

  /**
   * A user id as typed: logged only when it looks like one (ids are not clients' data; anything else — someone who
   * typed a name or a password into the user field — is not repeated in the log).
   */
  static String safe(String userId) {
    return userId != null && userId.matches("[A-Za-z0-9._@-]{1,64}") ? userId : "<not a user id>";
  }

  /** Forgets every count (tests). */
  public void reset() {
    failures.clear();
  }
}

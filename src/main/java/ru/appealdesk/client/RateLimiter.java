package ru.appealdesk.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed-window counter per key (a client address), in memory. Each node of a cluster counts for itself: behind a
 * proxy that spreads requests over two nodes an address gets up to twice the limit, which is still a limit; the proxy
 * may add its own ({@code limit_req} in nginx). Memory is bounded: past {@code maxKeys} addresses the expired windows are
 * dropped, and if that is not enough, all of them (the limiter then starts counting afresh rather than grow).
 */
final class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  private final String name;
  private final int limit;
  private final Duration window;
  private final int maxKeys;
  private final Clock clock;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

  RateLimiter(String name, int limit, Duration window, int maxKeys, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("rate limit " + name + ": limit >= 1 and a positive window expected");
    }
    this.name = name;
    this.limit = limit;
    this.window = window;
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /** Counts one event of the key; false (not counted) when the key has used up its window. */
  boolean tryAcquire(String key) {
    Instant now = clock.instant();
    boolean[] allowed = {false};
    windows.compute(key, (k, w) -> {
      Window current = w == null || w.expired(now, window) ? new Window(now, 0) : w;
      if (current.count < limit) {
        allowed[0] = true;
        return new Window(current.start, current.count + 1);
      }
      return current;
    });
    bound(now);
    return allowed[0];
  }

  /** Counts one event (e.g. a wrong token) regardless of the limit. */
  void record(String key) {
    Instant now = clock.instant();
    windows.compute(key, (k, w) -> w == null || w.expired(now, window) ? new Window(now, 1)
        : new Window(w.start, w.count + 1));
    bound(now);
  }

  /** Whether the key has reached the limit in its current window. */
  boolean exhausted(String key) {
    Window w = windows.get(key);
    return w != null && !w.expired(clock.instant(), window) && w.count >= limit;
  }

  /** Seconds until the key's window ends (at least 1). */
  long retryAfterSeconds(String key) {
    Window w = windows.get(key);
    if (w == null) {
      return 1;
    }
    long left = Duration.between(clock.instant(), w.start.plus(window)).toSeconds();
    return Math.max(1, left);
  }

  private void bound(Instant now) {
    if (windows.size() <= maxKeys) {
      return;
    }
    windows.values().removeIf(w -> w.expired(now, window));
    if (windows.size() > maxKeys) {
      log.warn("Rate limiter {}: more than {} client addresses in one window, counting starts afresh", name, maxKeys);
      windows.clear();
    }
  }

  private record Window(Instant start, int count) {
    boolean expired(Instant now, Duration window) {
      return !now.isBefore(start.plus(window));
    }
  }
}

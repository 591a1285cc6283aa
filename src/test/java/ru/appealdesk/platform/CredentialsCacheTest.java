package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A verified credential is trusted for the TTL, for the same password only, and forgotten on identity changes. */
class CredentialsCacheTest {

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
  final CredentialsCache cache = new CredentialsCache(new SecurityProperties.CredentialsCache(Duration.ofSeconds(30),
      100), now::get);

  @Test
  void theSamePasswordWithinTheTtlSkipsTheIdentityService() {
    cache.put("lawyer", "s3cret", List.of("legal"), cache.generation());
    assertThat(cache.groups("lawyer", "s3cret")).containsExactly("legal");
    assertThat(cache.groups("lawyer", "wrong")).isNull();
    assertThat(cache.groups("marketer", "s3cret")).isNull();
    now.set(now.get().plusSeconds(31));
    assertThat(cache.groups("lawyer", "s3cret")).as("after the TTL").isNull();
  }

  @Test
  void anIdentityChangeEmptiesTheCacheAndAStaleCheckIsNotKept() {
    cache.put("lawyer", "s3cret", List.of("legal"), cache.generation());
    cache.invalidateAll();
    assertThat(cache.groups("lawyer", "s3cret")).isNull();

    long before = cache.generation();
    cache.invalidateAll(); // a password change while the old one was being checked
    cache.put("lawyer", "old", List.of("legal"), before);
    assertThat(cache.groups("lawyer", "old")).isNull();
  }

  @Test
  void theCacheKeepsNoPassword() throws Exception {
    cache.put("lawyer", "s3cret-password", List.of("legal"), cache.generation());
    var field = CredentialsCache.class.getDeclaredField("entries");
    field.setAccessible(true);
    assertThat(field.get(cache).toString()).doesNotContain("s3cret-password");
  }

  @Test
  void aZeroTtlSwitchesTheCacheOff() {
    CredentialsCache off = new CredentialsCache(new SecurityProperties.CredentialsCache(Duration.ZERO, 10), now::get);
    off.put("lawyer", "s3cret", List.of("legal"), off.generation());
    assertThat(off.groups("lawyer", "s3cret")).isNull();
  }
}

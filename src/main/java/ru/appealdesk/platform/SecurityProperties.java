package ru.appealdesk.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code appealdesk.security.*} (docs/security.md).
 *
 * @param loginThrottle growing, capped delay after wrong passwords, per user and client address
 * @param credentialsCache short-lived cache of verified HTTP Basic credentials (issue 19)
 */
@ConfigurationProperties("appealdesk.security")
public record SecurityProperties(LoginThrottle loginThrottle, CredentialsCache credentialsCache) {

  public SecurityProperties {
    loginThrottle = loginThrottle == null ? new LoginThrottle(null, null, null, null) : loginThrottle;
    credentialsCache = credentialsCache == null ? new CredentialsCache(null, null) : credentialsCache;
  }

  /**
   * @param freeFailures wrong passwords per user and address before the first delay
   * @param baseDelay the first delay; it doubles with every further failure
   * @param maxDelay the cap of the delay
   * @param forgetAfter failures older than this (without a new one) are forgotten
   */
  public record LoginThrottle(Integer freeFailures, Duration baseDelay, Duration maxDelay, Duration forgetAfter) {
    public LoginThrottle {
      freeFailures = freeFailures == null ? 5 : freeFailures;
      baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
      maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
      forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
    }
  }

  /**
   * @param ttl how long a verified (user, password) pair is trusted without asking the identity service again
   * @param maxEntries users kept at most (the cache is emptied when it is full)
   */
  public record CredentialsCache(Duration ttl, Integer maxEntries) {
    public CredentialsCache {
      ttl = ttl == null ? Duration.ofSeconds(30) : ttl;
      maxEntries = maxEntries == null ? 10_000 : maxEntries;
    }
  }
}

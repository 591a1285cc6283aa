package ru.appealdesk.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Issue 19: a verified HTTP Basic credential is trusted for a short time (default 30 s, {@code
 * appealdesk.security.credentials-cache.ttl}) instead of a password hash and two identity queries on every call. An
 * entry holds the user id, an HMAC-SHA-256 of the password under a key made at start (never the password, and useless
 * outside this JVM) and the user's groups. Every identity change the engine makes — password, user, group,
 * membership, unlock — empties the cache at once ({@link IdentityChangePlugin}); changes made behind the engine's back
 * (another node, SQL) take effect within the TTL.
 */
@Component
public class CredentialsCache {

  private final SecurityProperties.CredentialsCache settings;
  private final Supplier<Instant> clock;
  private final byte[] key = new byte[32];
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile long generation;

  record Entry(byte[] mac, List<String> groups, Instant expiresAt, long generation) {}

  @org.springframework.beans.factory.annotation.Autowired
  CredentialsCache(SecurityProperties properties) {
    this(properties.credentialsCache(), Instant::now);
  }

  CredentialsCache(SecurityProperties.CredentialsCache settings, Supplier<Instant> clock) {
    this.settings = settings;
    this.clock = clock;
    new SecureRandom().nextBytes(key);
  }

  /** The groups of a user whose password was verified within the TTL, or null (ask the identity service). */
  public List<String> groups(String userId, String password) {
    if (settings.ttl().isZero() || userId == null || password == null) {
      return null;
    }
    Entry e = entries.get(userId);
    if (e == null || e.generation() != generation || !clock.get().isBefore(e.expiresAt())) {
      return null;
    }
    return MessageDigest.isEqual(e.mac(), mac(userId, password)) ? e.groups() : null;
  }

  /**
   * Remembers a verified credential. {@code generationAtCheck} is {@link #generation()} read before the password was
   * checked: an identity change in between makes the entry stale from the start.
   */
  public void put(String userId, String password, List<String> groups, long generationAtCheck) {
    if (settings.ttl().isZero() || userId == null || password == null) {
      return;
    }
    if (entries.size() >= settings.maxEntries()) {
      entries.clear();
    }
    entries.put(userId, new Entry(mac(userId, password), List.copyOf(groups), clock.get().plus(settings.ttl()),
        generationAtCheck));
  }

  public long generation() {
    return generation;
  }

  /** Forgets every entry (an identity change: password, group, membership …). */
  public synchronized void invalidateAll() {
    generation++;
    entries.clear();
  }

  public java.time.Duration ttl() {
    return settings.ttl();
  }

  private byte[] mac(String userId, String password) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      hmac.update(userId.getBytes(StandardCharsets.UTF_8));
      hmac.update((byte) 0);
      return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

package ru.appealdesk.client;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;
import ru.appealdesk.platform.ClientAddress;

/** The two rate limits of the public pages (docs/client.md), keyed by {@link ClientAddress}. */
@Component
class PublicLimits {

  private final int trustedProxies;
  private final RateLimiter submits;
  private final RateLimiter wrongTokens;

  PublicLimits(ClientProperties properties) {
    ClientProperties.RateLimit r = properties.rateLimit();
    this.trustedProxies = properties.trustedProxies();
    this.submits = new RateLimiter("submits", r.submits(), r.submitWindow(), r.maxTrackedAddresses(),
        Clock.systemUTC());
    this.wrongTokens = new RateLimiter("wrong-tokens", r.wrongTokens(), r.wrongTokenWindow(),
        r.maxTrackedAddresses(), Clock.systemUTC());
  }

  String address(HttpServletRequest request) {
    return ClientAddress.of(request, trustedProxies);
  }

  /** Counts a form post; false when the address has sent too many in the window. */
  boolean trySubmit(String address) {
    return submits.tryAcquire(address);
  }

  long submitRetryAfter(String address) {
    return submits.retryAfterSeconds(address);
  }

  /** Whether the address has guessed too many status tokens: then every status look-up is refused for a while. */
  boolean tokenLookupsBlocked(String address) {
    return wrongTokens.exhausted(address);
  }

  void wrongToken(String address) {
    wrongTokens.record(address);
  }

  long tokenRetryAfter(String address) {
    return wrongTokens.retryAfterSeconds(address);
  }
}

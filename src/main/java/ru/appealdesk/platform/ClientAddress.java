package ru.appealdesk.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request came from, for everything the application counts per address: the public pages' rate limits
 * and the login throttle ({@code appealdesk.client.trusted-proxies}, one setting for both). {@code X-Forwarded-For} is
 * believed only as far as our own proxies wrote it: with {@code trustedProxies} = n the client is the n-th address
 * from the right (each of our proxies appends the address it saw, nginx' {@code $proxy_add_x_forwarded_for});
 * anything further left was written by the client and may be forged. With 0 (the default) the header is ignored.
 * Behind nginx without it, every request would come from nginx: one client's wrong passwords would hold a user back
 * everywhere, and all clients would share one rate limit.
 */
public final class ClientAddress {

  /** The property that says how many proxies of our own stand in front of the application. */
  public static final String TRUSTED_PROXIES = "${appealdesk.client.trusted-proxies:0}";

  private static final int MAX_LENGTH = 64;
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private ClientAddress() {}

  public static String of(HttpServletRequest request, int trustedProxies) {
    String remote = request.getRemoteAddr();
    if (trustedProxies <= 0) {
      return clip(remote);
    }
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
      for (String part : header.split(",")) {
        if (!part.isBlank()) {
          hops.add(part.strip());
        }
      }
    }
    if (hops.isEmpty()) {
      return clip(remote);
    }
    String hop = hops.get(Math.max(0, hops.size() - trustedProxies));
    // what our proxy appended is an address; anything else (a node reached without the proxy) is not believed
    return IP_LITERAL.matcher(hop).matches() ? clip(hop) : clip(remote);
  }

  private static String clip(String address) {
    if (address == null) {
      return "unknown";
    }
    return address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
  }
}

package ru.appealdesk.client;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** The client's status link: {@code /status/{number}?token=…}, absolute for e-mails. */
@Component
class StatusLinks {

  private final ClientProperties properties;

  StatusLinks(ClientProperties properties) {
    this.properties = properties;
  }

  static String path(String number, String token) {
    return "/status/" + UriUtils.encodePathSegment(number, java.nio.charset.StandardCharsets.UTF_8) + "?token="
        + UriUtils.encodeQueryParam(token, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code appealdesk.client.public-url} + path; without it, the address of the current request. */
  String absolute(String number, String token) {
    String base = properties.publicUrl();
    if (base == null || base.isBlank()) {
      base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
    base = base.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + path(number, token);
  }
}

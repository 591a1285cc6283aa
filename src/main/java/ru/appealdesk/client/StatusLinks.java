package ru.appealdesk.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** The client's status link: {@code /status/{number}?token=…}, absolute for e-mails. */
@Component
class StatusLinks {

  private static final Logger log = LoggerFactory.getLogger(StatusLinks.class);

  private final ClientProperties properties;

  StatusLinks(ClientProperties properties) {
    this.properties = properties;
  }

  static String path(String number, String token) {
    return "/status/" + UriUtils.encodePathSegment(number, java.nio.charset.StandardCharsets.UTF_8) + "?token="
        + UriUtils.encodeQueryParam(token, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * {@code appealdesk.client.public-url} + path; without it, the address of the current request; outside a request
   * (e.g. an appeal an employee entered) only the path, with a warning to configure the public URL.
   */
  String absolute(String number, String token) {
    String base = properties.publicUrl();
    if (base == null || base.isBlank()) {
      if (RequestContextHolder.getRequestAttributes() == null) {
        log.warn("Appeal {}: appealdesk.client.public-url is not set, the status link has no host", number);
        return path(number, token);
      }
      base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
    base = base.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + path(number, token);
  }
}

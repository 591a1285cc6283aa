package ru.appealdesk.appeal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The client's view of their appeal (SPEC §7), public but guarded by the secret token the intake returned: JSON for
 * apps, a plain Russian page for browsers. No personal data.
 */
@RestController
class StatusPageController {

  private final AppealQueries service;

  StatusPageController(AppealQueries service) {
    this.service = service;
  }

  @GetMapping(path = "/status/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  PublicStatus json(@PathVariable String number, @RequestParam(required = false) String token) {
    return service.publicStatus(number, token);
  }

  @GetMapping(path = "/status/{number}", produces = MediaType.TEXT_HTML_VALUE)
  String html(@PathVariable String number, @RequestParam(required = false) String token) {
    PublicStatus s = service.publicStatus(number, token);
    StringBuilder h = new StringBuilder("""
        <!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Обращение %s</title></head><body>
        <h1>Обращение № %s</h1><p>%s, получено %s</p><p><strong>Статус: %s</strong></p>
        """.formatted(e(s.number()), e(s.number()), e(s.typeText()), e(s.receivedAt()), e(s.statusText())));
    if (s.answerDueAt() != null) {
      h.append("<p>Срок ответа: ").append(e(s.answerDueAt())).append("</p>");
    }
    if (s.informationRequest() != null) {
      h.append("<p>Нам нужна дополнительная информация: ").append(e(s.informationRequest())).append("</p>");
    }
    h.append("<h2>История</h2><ul>");
    s.history().forEach(step -> h.append("<li>").append(e(step.at())).append(" — ").append(e(step.statusText()))
        .append("</li>"));
    return h.append("</ul></body></html>").toString();
  }

  private static String e(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s);
  }
}

package ru.appealdesk.client;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * Jurisdiction and language of a public page. {@code /appeal} is the Russian page of the RU company;
 * {@code ?jurisdiction=KZ} the Kazakh company's page in Russian, {@code ?lang=kk} in Kazakh (Kazakh is a KZ language
 * only, so {@code lang=kk} alone means KZ).
 */
record PageLocale(Jurisdiction jurisdiction, String language) {

  static PageLocale of(String jurisdiction, String lang) {
    String language = PageTexts.language(lang);
    boolean kz = PageTexts.KK.equals(language)
        || jurisdiction != null && "KZ".equals(jurisdiction.strip().toUpperCase(Locale.ROOT));
    return new PageLocale(kz ? Jurisdiction.KZ : Jurisdiction.RU, language);
  }

  /** The form's own address with these settings. */
  String appealPath() {
    if (PageTexts.KK.equals(language)) {
      return "/appeal?lang=kk";
    }
    return jurisdiction == Jurisdiction.KZ ? "/appeal?jurisdiction=KZ" : "/appeal";
  }

  /** Russian / Kazakh switch of the KZ pages (the current one without a link); none for RU. */
  List<Pages.Link> languageLinks(PageTexts texts, String ruHref, String kkHref) {
    if (jurisdiction != Jurisdiction.KZ) {
      return List.of();
    }
    return List.of(
        new Pages.Link(PageTexts.RU.equals(language) ? null : ruHref, texts.of(PageTexts.RU).get("lang.self")),
        new Pages.Link(PageTexts.KK.equals(language) ? null : kkHref, texts.of(PageTexts.KK).get("lang.self")));
  }

  /** A query parameter without touching the body (getParameter would parse a form post). */
  static String query(HttpServletRequest request, String name) {
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String decode(String value) {
    try {
      return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

package ru.appealdesk.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * Renders the client pages: Thymeleaf templates {@code templates/client/*.html} (escaped by default), words from
 * {@link PageTexts}, the company's name and contacts from {@link CompanyContacts}. Rendered to a string so that the
 * filter of the public pages can answer with the same look as the controllers.
 */
@Component
class Pages {

  /** A link on a message page. */
  record Link(String href, String text) {}

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

  private final ITemplateEngine engine;
  private final PageTexts texts;
  private final CompanyContacts companies;

  Pages(ITemplateEngine engine, PageTexts texts, CompanyContacts companies) {
    this.engine = engine;
    this.texts = texts;
    this.companies = companies;
  }

  PageTexts.Texts texts(String language) {
    return texts.of(language);
  }

  ResponseEntity<String> page(HttpStatus status, String template, String language, Jurisdiction jurisdiction,
      Map<String, Object> model) {
    String lang = PageTexts.language(language);
    Map<String, Object> vars = new HashMap<>(model);
    vars.put("t", texts.of(lang));
    vars.put("lang", lang);
    vars.put("company", companies.of(jurisdiction, lang));
    vars.putIfAbsent("languageLinks", List.of());
    Context context = new Context(java.util.Locale.forLanguageTag(lang), vars);
    String html = engine.process("client/" + template, context);
    return ResponseEntity.status(status).contentType(HTML).body(html);
  }

  /** A page with a title, a sentence and links (not found, too many requests, an error). */
  ResponseEntity<String> message(HttpStatus status, String language, Jurisdiction jurisdiction, String title,
      String text, List<Link> links) {
    return page(status, "message", language, jurisdiction, Map.of("title", title, "text", text, "links", links));
  }
}

package ru.appealdesk.client;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import ru.appealdesk.appeal.AppealSteps;
import ru.appealdesk.appeal.InformationUpdate;
import ru.appealdesk.appeal.PublicStatus;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.platform.ConflictException;
import ru.appealdesk.platform.NotFoundException;

/**
 * The client's status page {@code /status/{number}?token=…} (SPEC §7): HTML in the appeal's language for browsers, the
 * same facts as JSON with {@code Accept: application/json}. A wrong token is a friendly page (404) in HTML and a problem
 * in JSON, and counts against the address (rate limit). While the company waits for information, the page has a form
 * for the answer with files ({@code POST /status/{number}/information}).
 */
@RestController
class StatusPageController {

  private static final Logger log = LoggerFactory.getLogger(StatusPageController.class);

  private final ClientStatus statuses;
  private final AppealSteps appeals;
  private final ClientUploads uploads;
  private final FormTokens tokens;
  private final PublicLimits limits;
  private final Pages pages;
  private final PageTexts texts;
  private final ClientProperties properties;
  private final StatusLinks links;
  private final TransactionTemplate transaction;

  StatusPageController(ClientStatus statuses, AppealSteps appeals, ClientUploads uploads, FormTokens tokens,
      PublicLimits limits, Pages pages, PageTexts texts, ClientProperties properties, StatusLinks links,
      PlatformTransactionManager transactions) {
    this.statuses = statuses;
    this.appeals = appeals;
    this.uploads = uploads;
    this.tokens = tokens;
    this.limits = limits;
    this.pages = pages;
    this.texts = texts;
    this.properties = properties;
    this.links = links;
    this.transaction = new TransactionTemplate(transactions);
  }

  @GetMapping(path = "/status/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  PublicStatus json(@PathVariable String number, @RequestParam(required = false) String token,
      @RequestParam(required = false) String lang, HttpServletRequest request) {
    PublicStatus s = find(number, token, request);
    return statuses.localized(s, ClientStatus.language(s, lang));
  }

  @GetMapping(path = "/status/{number}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> html(@PathVariable String number, @RequestParam(required = false) String token,
      @RequestParam(required = false) String lang, @RequestParam(required = false) String accepted,
      @RequestParam(required = false) String mail, @RequestParam(required = false) String sent,
      HttpServletRequest request, HttpServletResponse response) {
    PublicStatus s;
    try {
      s = find(number, token, request);
    } catch (NotFoundException e) {
      return notFound(lang, request);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("accepted", accepted != null);
    m.put("mailed", mail != null);
    m.put("sent", sent != null);
    return page(HttpStatus.OK, s, token, lang, m, List.of(), "", request, response);
  }

  @PostMapping(path = "/status/{number}/information", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
      MediaType.APPLICATION_FORM_URLENCODED_VALUE}, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> information(@PathVariable String number, @RequestParam(required = false) String token,
      @RequestParam(required = false) String lang, @RequestParam(required = false) String text,
      @RequestParam(name = FormTokens.FIELD, required = false) String formToken,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      HttpServletRequest request, HttpServletResponse response) {
    PublicStatus s;
    try {
      s = find(number, token, request);
    } catch (NotFoundException e) {
      return notFound(lang, request);
    }
    String language = ClientStatus.language(s, lang);
    PageTexts.Texts t = texts.of(language);
    String answer = AppealFormCheck.trim(text);
    if (tokens.check(request, formToken, purpose(number)).isEmpty()) {
      return page(HttpStatus.FORBIDDEN, s, token, lang, Map.of("notice", t.get("error.form.expired") + " "
          + t.get("error.files.again")), List.of(), answer, request, response);
    }
    if (!s.awaitingInformation()) {
      return page(HttpStatus.CONFLICT, s, token, lang, Map.of("notice", t.get("status.info.notWaiting")), List.of(),
          "", request, response);
    }
    AppealFormCheck.Errors errors = new AppealFormCheck.Errors(t);
    int max = Math.min(properties.maxTextLength(), 20_000);
    if (answer == null) {
      errors.add("text", "error.required");
    } else {
      errors.length("text", answer, max);
    }
    ClientUploads.Checked checked = uploads.check(files);
    checked.problems().forEach(p -> errors.add("files", p.key(), p.args().toArray()));
    if (!errors.list.isEmpty()) {
      return page(HttpStatus.BAD_REQUEST, s, token, lang, Map.of(), errors.list, answer, request, response);
    }
    try {
      transaction.executeWithoutResult(tx -> {
        List<String> ids = uploads.file(number, checked.files());
        appeals.informationReceived(number, new InformationUpdate(answer, null, null, null, null, null,
            ids.isEmpty() ? null : ids, null));
      });
    } catch (ConflictException e) {
      return page(HttpStatus.CONFLICT, s, token, lang, Map.of("notice", t.get("status.info.notWaiting")), List.of(),
          "", request, response);
    }
    log.info("Appeal {}: the client answered the information request on the status page ({} file(s))", number,
        checked.files().size());
    String location = StatusLinks.path(number, token) + (lang == null ? "" : "&lang=" + PageTexts.language(lang))
        + "&sent=1";
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<String> tooLarge(HttpServletRequest request) {
    String lang = PageTexts.language(PageLocale.query(request, "lang"));
    PageTexts.Texts t = texts.of(lang);
    return pages.message(HttpStatus.PAYLOAD_TOO_LARGE, lang, jurisdictionOfPath(request), t.get("tooLarge.title"),
        t.format("tooLarge.text", properties.maxRequestSize().toMegabytes()), List.of());
  }

  /** The JSON look-up's refusal (the HTML pages catch it themselves and show the friendly page). */
  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<?> unexpected(Exception e, HttpServletRequest request) {
    log.error("Status page failed: {}", e.getClass().getName()); // the class only: no client data in logs
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("json") && !accept.contains("text/html")) {
      return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ProblemDetail.forStatusAndDetail(
          HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка. Попробуйте позже."));
    }
    String lang = PageTexts.language(PageLocale.query(request, "lang"));
    PageTexts.Texts t = texts.of(lang);
    return pages.message(HttpStatus.INTERNAL_SERVER_ERROR, lang, jurisdictionOfPath(request), t.get("error.title"),
        t.get("error.unexpected"), List.of());
  }

  private PublicStatus find(String number, String token, HttpServletRequest request) {
    try {
      return statuses.find(number, token);
    } catch (NotFoundException e) {
      limits.wrongToken(limits.address(request));
      throw e;
    }
  }

  private ResponseEntity<String> notFound(String lang, HttpServletRequest request) {
    String language = PageTexts.language(lang);
    PageTexts.Texts t = texts.of(language);
    Jurisdiction j = jurisdictionOfPath(request);
    return pages.message(HttpStatus.NOT_FOUND, language, j, t.get("status.notFound.title"),
        t.get("status.notFound.text"),
        List.of(new Pages.Link(new PageLocale(j, language).appealPath(), t.get("nav.home"))));
  }

  /** {@code KZ-…} numbers belong to the Kazakh company, everything else to the Russian one. */
  private static Jurisdiction jurisdictionOfPath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri != null && uri.startsWith("/status/KZ") ? Jurisdiction.KZ : Jurisdiction.RU;
  }

  private ResponseEntity<String> page(HttpStatus status, PublicStatus raw, String token, String lang,
      Map<String, Object> extra, List<FieldError> errors, String infoText, HttpServletRequest request,
      HttpServletResponse response) {
    String language = ClientStatus.language(raw, lang);
    PublicStatus s = statuses.localized(raw, language);
    PageTexts.Texts t = texts.of(language);
    Jurisdiction j = Jurisdiction.valueOf(s.jurisdiction());
    Map<String, Object> m = new HashMap<>();
    m.put("accepted", false);
    m.put("mailed", false);
    m.put("sent", false);
    m.put("notice", null);
    m.putAll(extra);
    m.put("title", t.format("status.title", s.number()));
    m.put("titleParts", around(t.format("status.title", s.number()), s.number()));
    m.put("acceptedParts", around(t.format("status.accepted.text", s.number()), s.number()));
    m.put("s", s);
    m.put("subjectText", statuses.subjectText(s, language));
    m.put("statusUrl", links.absolute(s.number(), token));
    m.put("token", token);
    m.put("errorList", errors);
    m.put("errors", FieldError.byField(errors));
    m.put("infoText", infoText == null ? "" : infoText);
    m.put("infoAction", "/status/" + s.number() + "/information?lang=" + language);
    m.put("formToken", s.awaitingInformation() ? tokens.issue(request, response, purpose(s.number())) : "");
    AppealPageController.putFileLimits(m, t, properties);
    m.put("newAppealHref", new PageLocale(j, language).appealPath());
    String base = StatusLinks.path(s.number(), token);
    m.put("languageLinks", new PageLocale(j, language).languageLinks(texts, base + "&lang=ru", base + "&lang=kk"));
    return pages.page(status, "status", language, j, m);
  }

  /** The text before and after the number, so the page can keep the number on one line. */
  static List<String> around(String text, String number) {
    int at = text.indexOf(number);
    return at < 0 ? List.of(text, "", "")
        : List.of(text.substring(0, at), number, text.substring(at + number.length()));
  }

  private static String purpose(String number) {
    return "information:" + number;
  }
}

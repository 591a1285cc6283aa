package ru.appealdesk.client;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import ru.appealdesk.appeal.Appeal;
import ru.appealdesk.appeal.AppealIntake;
import ru.appealdesk.appeal.AppealVocabulary;
import ru.appealdesk.appeal.NewAppeal;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.ConflictException;

/**
 * The public appeal page (SPEC §7, issue 18): {@code GET /appeal} shows the form, {@code POST /appeal} takes the appeal
 * in through the intake of the appeal service (channel {@code WEBSITE}), records the consent, files the attachments,
 * queues the e-mail with the status link and sends the browser to the status page, which shows the number and the link
 * at once. Plain HTML form posts; nothing needs JavaScript.
 */
@RestController
class AppealPageController {

  private static final Logger log = LoggerFactory.getLogger(AppealPageController.class);
  static final String PURPOSE = "appeal";

  private final AppealIntake appeals;
  private final AppealVocabulary vocabulary;
  private final AppealFormCheck formCheck;
  private final ClientUploads uploads;
  private final Consents consents;
  private final FormTokens tokens;
  private final Pages pages;
  private final PageTexts texts;
  private final ClientProperties properties;
  private final CompanyContacts companies;

  AppealPageController(AppealIntake appeals, AppealVocabulary vocabulary, AppealFormCheck formCheck,
      ClientUploads uploads, Consents consents, FormTokens tokens, Pages pages,
      PageTexts texts, ClientProperties properties, CompanyContacts companies) {
    this.appeals = appeals;
    this.vocabulary = vocabulary;
    this.formCheck = formCheck;
    this.uploads = uploads;
    this.consents = consents;
    this.tokens = tokens;
    this.pages = pages;
    this.texts = texts;
    this.properties = properties;
    this.companies = companies;
  }

  /** A type with its subjects, named in the page's language. */
  public record Option(String code, String name, List<Option> subjects) {}

  @GetMapping(path = "/appeal", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> form(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response) {
    PageLocale locale = PageLocale.of(jurisdiction, lang);
    return form(HttpStatus.OK, locale, AppealForm.empty(), List.of(), null, request, response);
  }

  @PostMapping(path = "/appeal", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
      MediaType.APPLICATION_FORM_URLENCODED_VALUE}, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> submit(@ModelAttribute AppealForm form,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String lang,
      @RequestParam(name = FormTokens.FIELD, required = false) String formToken,
      @RequestParam(name = "files", required = false) List<MultipartFile> parts,
      HttpServletRequest request, HttpServletResponse response) {
    Instant givenAt = Instant.now();
    PageLocale locale = PageLocale.of(jurisdiction, lang);
    PageTexts.Texts t = texts.of(locale.language());
    if (form.trapFilled()) {
      return pages.message(HttpStatus.BAD_REQUEST, locale.language(), locale.jurisdiction(),
          t.get("error.form.rejected"), t.get("error.unexpected"), List.of(home(locale, t)));
    }
    var accepted = tokens.check(request, formToken, PURPOSE);
    if (accepted.isEmpty()) {
      return form(HttpStatus.FORBIDDEN, locale, form, List.of(), t.get("error.form.expired") + " "
          + t.get("error.files.again"), request, response);
    }
    AppealFormCheck.Errors errors = new AppealFormCheck.Errors(t);
    AppealFormCheck.Result checked = formCheck.check(form, locale.jurisdiction(), locale.language(), t,
        givenAt);
    checked.errors().forEach(e -> errors.addMessage(e.field(), e.message()));
    ClientUploads.Checked files = uploads.check(parts);
    files.problems().forEach(p -> errors.add("files", p.key(), p.args().toArray()));
    if (!errors.list.isEmpty()) {
      return form(HttpStatus.BAD_REQUEST, locale, form, errors.list,
          files.problems().isEmpty() && hasFiles(files) ? t.get("error.files.again") : null, request, response);
    }
    NewAppeal in = checked.appeal();
    AppealIntake.Intake intake;
    try {
      intake = intake(in, "web:" + accepted.get().nonce());
    } catch (BadRequestException e) {
      e.problems().forEach(p -> errors.addMessage(field(p.field()), p.message()));
      return form(HttpStatus.BAD_REQUEST, locale, form, errors.list, t.get("error.files.again"), request, response);
    } catch (ConflictException e) {
      return form(HttpStatus.CONFLICT, locale, form, List.of(), t.get("error.form.used"), request, response);
    }
    Appeal appeal = intake.appeal();
    if (!intake.replayed()) {
      consents.record(appeal.getNumber(), givenAt, properties.consentVersion(), consentText(locale),
          locale.language());
      uploads.file(appeal.getNumber(), files.files());
      log.info("Appeal {} submitted on the public page ({} file(s))", appeal.getNumber(), files.files().size());
    }
    boolean mailed = in.client() != null && in.client().email() != null;
    String location = StatusLinks.path(appeal.getNumber(), appeal.getStatusToken()) + "&accepted=1"
        + (mailed ? "&mail=1" : "");
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
  }

  /** The multipart parser refused the request (more parts or bytes than allowed). */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<String> tooLarge(HttpServletRequest request) {
    PageLocale locale = PageLocale.of(PageLocale.query(request, "jurisdiction"), PageLocale.query(request, "lang"));
    PageTexts.Texts t = texts.of(locale.language());
    return pages.message(HttpStatus.PAYLOAD_TOO_LARGE, locale.language(), locale.jurisdiction(),
        t.get("tooLarge.title"), t.format("tooLarge.text", properties.maxRequestSize().toMegabytes()),
        List.of(home(locale, t)));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
    // the class only: messages of database errors can quote the client's data
    log.error("Public appeal page failed: {}", e.getClass().getName());
    PageLocale locale = PageLocale.of(PageLocale.query(request, "jurisdiction"), PageLocale.query(request, "lang"));
    PageTexts.Texts t = texts.of(locale.language());
    return pages.message(HttpStatus.INTERNAL_SERVER_ERROR, locale.language(), locale.jurisdiction(),
        t.get("error.title"), t.get("error.unexpected"), List.of(home(locale, t)));
  }

  private AppealIntake.Intake intake(NewAppeal in, String key) {
    String hash = CaseFile.sha256(in.toString().getBytes(StandardCharsets.UTF_8));
    try {
      return appeals.intake(in, key, hash);
    } catch (DataIntegrityViolationException e) {
      return appeals.intake(in, key, hash); // the same form sent twice at once: the other request won the race
    }
  }

  private ResponseEntity<String> form(HttpStatus status, PageLocale locale, AppealForm form,
      List<FieldError> errors, String notice, HttpServletRequest request, HttpServletResponse response) {
    PageTexts.Texts t = texts.of(locale.language());
    Map<String, Object> m = new HashMap<>();
    m.put("title", t.get("form.title"));
    m.put("form", form);
    m.put("errorList", errors);
    m.put("errors", FieldError.byField(errors));
    m.put("notice", notice);
    m.put("types", types(locale));
    m.put("formToken", tokens.issue(request, response, PURPOSE));
    m.put("action", locale.appealPath());
    m.put("consentText", consentText(locale));
    putFileLimits(m, t, properties);
    m.put("languageLinks", locale.languageLinks(texts, "/appeal?jurisdiction=KZ", "/appeal?lang=kk"));
    return pages.page(status, "appeal", locale.language(), locale.jurisdiction(), m);
  }

  static void putFileLimits(Map<String, Object> m, PageTexts.Texts t, ClientProperties properties) {
    m.put("maxText", properties.maxTextLength());
    m.put("maxFiles", properties.maxFiles());
    m.put("maxFileBytes", properties.maxFileSize().toBytes());
    m.put("maxFileMb", properties.maxFileSize().toMegabytes());
    m.put("filesHint", t.format("form.files.hint", properties.maxFiles(), properties.maxFileSize().toMegabytes()));
  }

  private List<Option> types(PageLocale locale) {
    String lang = locale.language();
    return vocabulary.types().stream()
        .map(type -> new Option(type.code(), type.name(lang),
            vocabulary.subjects(locale.jurisdiction().name(), type.code()).stream()
                .map(s -> new Option(s.code(), s.name(lang), List.of())).toList()))
        .toList();
  }

  /** The consent sentence as shown, with the company's name: its hash is recorded with the consent. */
  private String consentText(PageLocale locale) {
    return texts.of(locale.language()).format("form.consent." + locale.jurisdiction().name(),
        companies.of(locale.jurisdiction(), locale.language()).name());
  }

  private static Pages.Link home(PageLocale locale, PageTexts.Texts t) {
    return new Pages.Link(locale.appealPath(), t.get("nav.backToForm"));
  }

  private static boolean hasFiles(ClientUploads.Checked files) {
    return !files.files().isEmpty();
  }

  /** The intake's JSON path → the form's field. */
  private static String field(String path) {
    return switch (path) {
      case "content" -> "text";
      case "client.fullName", "client.phone", "client.email", "client.postalAddress", "client.postalCode",
          "client.idDocument" -> path.substring("client.".length());
      case "type", "subject", "demand", "situationPlace", "situationAt", "contractNumber" -> path;
      default -> "form";
    };
  }
}

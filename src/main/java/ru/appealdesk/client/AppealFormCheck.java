package ru.appealdesk.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ru.appealdesk.appeal.AppealVocabulary;
import ru.appealdesk.appeal.ClientDetails;
import ru.appealdesk.appeal.NewAppeal;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * Checks the public form in the client's language and turns it into the intake's {@link NewAppeal} (channel
 * {@code WEBSITE}). The intake checks again (codes, Bean Validation); these checks exist so the client reads what to
 * fix in their own language, next to the field.
 */
@Component
class AppealFormCheck {

  static final String CHANNEL = "WEBSITE";

  /** Mirrors {@code ClientDetails}: the intake refuses what these let through only in corner cases. */
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,20}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final Pattern POSTAL_CODE = Pattern.compile("[0-9A-Za-z]{6,10}");
  private static final DateTimeFormatter RU_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy H:mm");
  private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final AppealVocabulary vocabulary;
  private final ClientProperties properties;

  AppealFormCheck(AppealVocabulary vocabulary, ClientProperties properties) {
    this.vocabulary = vocabulary;
    this.properties = properties;
  }

  /** The appeal to take in, or the fields to correct. */
  record Result(NewAppeal appeal, List<FieldError> errors) {}

  Result check(AppealForm f, Jurisdiction j, String language, PageTexts.Texts t, Instant now) {
    Errors e = new Errors(t);
    String type = trim(f.type());
    String subject = trim(f.subject());
    if (type == null || vocabulary.types().stream().noneMatch(x -> x.code().equals(type))) {
      e.add("type", "error.type");
    } else {
      List<AppealVocabulary.Term> subjects = vocabulary.subjects(j.name(), type);
      if (subjects.isEmpty()) {
        subject = null; // a review or a thank-you has no subject: whatever was picked is dropped
      } else if (subject == null || subjects.stream().noneMatch(s -> s.code().equals(f.subject().strip()))) {
        e.add("subject", "error.subject");
      }
    }
    int maxText = properties.maxTextLength();
    String text = trim(f.text());
    if (text == null) {
      e.add("text", "error.required");
    }
    e.length("text", text, maxText);
    e.length("demand", trim(f.demand()), maxText);
    e.length("situationPlace", trim(f.situationPlace()), 500);
    e.length("contractNumber", trim(f.contractNumber()), 64);
    OffsetDateTime situationAt = null;
    if (trim(f.situationAt()) != null) {
      situationAt = parse(f.situationAt().strip(), j).filter(at -> !at.toInstant().isAfter(now.plusSeconds(300)))
          .orElse(null);
      if (situationAt == null) {
        e.add("situationAt", "error.situationAt");
      }
    }
    String fullName = trim(f.fullName());
    if (fullName == null) {
      e.add("fullName", "error.required");
    }
    e.length("fullName", fullName, 300);
    String phone = trim(f.phone());
    String email = trim(f.email());
    if (phone == null && email == null) {
      e.add("phone", "error.contact");
    }
    if (phone != null && (phone.length() > 40 || !PHONE.matcher(phone).matches())) {
      e.add("phone", "error.phone");
    }
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      e.add("email", "error.email");
    }
    String postalCode = trim(f.postalCode());
    if (postalCode != null && !POSTAL_CODE.matcher(postalCode).matches()) {
      e.add("postalCode", "error.postalCode");
    }
    e.length("postalAddress", trim(f.postalAddress()), 500);
    e.length("idDocument", trim(f.idDocument()), 100);
    if (!f.consentGiven()) {
      e.add("consent", "error.consent");
    }
    if (!e.list.isEmpty()) {
      return new Result(null, e.list);
    }
    ClientDetails client = new ClientDetails(fullName, phone, email, trim(f.postalAddress()), postalCode,
        trim(f.idDocument()));
    NewAppeal appeal = new NewAppeal(j.name(), type, subject, CHANNEL, null, language, client, text,
        trim(f.demand()), trim(f.situationPlace()), situationAt, trim(f.contractNumber()), null);
    return new Result(appeal, List.of());
  }

  /** {@code 2026-11-18T12:00} (the browser's date-time field), {@code 18.11.2026 12:00} or {@code 18.11.2026}. */
  static Optional<OffsetDateTime> parse(String value, Jurisdiction j) {
    LocalDateTime local = null;
    try {
      local = LocalDateTime.parse(value);
    } catch (DateTimeParseException ignored) {
      try {
        local = LocalDateTime.parse(value, RU_DATE_TIME);
      } catch (DateTimeParseException ignoredToo) {
        try {
          local = LocalDate.parse(value, RU_DATE).atStartOfDay();
        } catch (DateTimeParseException notADate) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(local.atZone(j.zone()).toOffsetDateTime());
  }

  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Field errors in the page's language, the first problem of each field only. */
  static final class Errors {
    private final PageTexts.Texts t;
    final List<FieldError> list = new ArrayList<>();

    Errors(PageTexts.Texts t) {
      this.t = t;
    }

    void add(String field, String key, Object... args) {
      addMessage(field, args.length == 0 ? t.get(key) : t.format(key, args));
    }

    void addMessage(String field, String message) {
      if (list.stream().noneMatch(x -> x.field().equals(field))) {
        list.add(new FieldError(field, t.get("form.field." + field), message));
      }
    }

    void length(String field, String value, int max) {
      if (value != null && value.length() > max) {
        add(field, "error.tooLong", max);
      }
    }
  }
}

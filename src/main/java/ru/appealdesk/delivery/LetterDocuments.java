package ru.appealdesk.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import ru.appealdesk.casefile.PdfLetter;
import ru.appealdesk.casefile.PdfRenderer;
import ru.appealdesk.company.CompanyProfile;
import ru.appealdesk.company.CompanyProfiles;
import ru.appealdesk.company.Signatories;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * Answers and letters as the client receives them (issue 18): on the letterhead of the company of the case's
 * jurisdiction ({@code company.CompanyProfiles}: logo, name, requisites, addresses, contacts), with the outgoing number
 * and date where the letter was registered, the addressee, the text of the template in the letter's language, the
 * signatory's position and full name ({@code company.Signatories}) and page numbers. The words of the layout are in
 * {@code templates/letter-layout_<ru|kk>.properties}; the texts in {@code templates/answer-pdf…} and
 * {@code templates/letter-pdf…}. Without a company profile the letter is headed by
 * {@code appealdesk.delivery.company-name}.
 */
@Service
public class LetterDocuments {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final String LAYOUT = "letter-layout";

  private final TextTemplates templates;
  private final PdfRenderer pdf;
  private final CompanyProfiles profiles;
  private final Signatories signatories;
  private final AppealFacts appeals;
  private final DeliveryProperties properties;

  LetterDocuments(TextTemplates templates, PdfRenderer pdf, CompanyProfiles profiles, Signatories signatories,
      AppealFacts appeals, DeliveryProperties properties) {
    this.templates = templates;
    this.pdf = pdf;
    this.profiles = profiles;
    this.signatories = signatories;
    this.appeals = appeals;
    this.properties = properties;
  }

  /**
   * A letter of the {@code outgoing-letter} process (the signed copy filed in the case).
   *
   * @param jurisdiction RU/KZ when the process knows it; null: taken from the case (appeal, number prefix, language)
   * @param letterKind e.g. {@code ANSWER}: an answer letter also names the client's remedies
   * @param outgoingNumber null for a letter that is not registered
   * @param signedBy the Camunda user id of the signatory; null when nobody signed (no signature block)
   */
  public byte[] letter(String jurisdiction, String language, String caseNumber, String letterKind, String subject,
      String body, String recipientName, String recipientAddress, String outgoingNumber, LocalDate outgoingDate,
      String signedBy) {
    String lang = TextTemplates.language(language);
    Optional<AppealFacts.Facts> appeal = appeals.of(caseNumber);
    Jurisdiction j = jurisdiction(jurisdiction, appeal, caseNumber, lang);
    Map<String, Object> values = new HashMap<>();
    remedyValues(values, j, appeal, appeal.map(AppealFacts.Facts::processInstanceId)
        .map(appeals::claimAmount).orElse(null));
    values.put("letterKind", letterKind);
    values.put("letterSubject", subject);
    values.put("letterBody", body);
    values.put("caseNumber", caseNumber);
    values.put("recipientName", recipientName);
    values.put("recipientAddress", recipientAddress);
    values.put("outgoingNumber", outgoingNumber);
    values.put("outgoingDate", outgoingDate == null ? null : DATE.format(outgoingDate));
    values.put("companyName", companyName(j, lang));
    TextTemplates.Rendered text = templates.render("letter-pdf", outgoingNumber == null ? "UNREGISTERED" : null, lang,
        values);
    List<String> addressee = new ArrayList<>();
    add(addressee, recipientName);
    add(addressee, recipientAddress);
    return pdf.render(new PdfLetter(text.subject(), letterhead(j, lang),
        references(lang, outgoingNumber, outgoingDate, caseNumber), addressee, text.subject(), text.body(),
        signature(signedBy, lang), label(lang, "page")));
  }

  /** An answer sent by e-mail: its PDF attachment and the e-mail's own text. */
  public AnswerDocument answer(AnswerEmail answer, LocalDate date) {
    String lang = TextTemplates.language(answer.language());
    Optional<AppealFacts.Facts> appeal = appeals.of(answer.appealNumber());
    Jurisdiction j = jurisdiction(answer.jurisdiction(), appeal, answer.appealNumber(), lang);
    Map<String, Object> values = new HashMap<>();
    BigDecimal claim = answer.claimAmount() != null ? ClaimAmount.of(answer.claimAmount())
        : appeal.map(AppealFacts.Facts::processInstanceId).map(appeals::claimAmount).orElse(null);
    remedyValues(values, j, appeal, claim);
    if (answer.appealType() != null) {
      values.put("appealType", answer.appealType());
    }
    values.put("appealNumber", answer.appealNumber());
    values.put("clientFullName", answer.clientFullName() == null ? "" : answer.clientFullName());
    values.put("answerText", answer.answerText());
    values.put("companyName", companyName(j, lang));
    Signatories.Signatory signatory = signatories.of(answer.signatoryUserId());
    values.put("signatoryName", signatory == null ? null : signatory.fullName());
    values.put("signatoryPosition", signatory == null ? null : signatory.position(lang));
    TextTemplates.Rendered document = templates.render("answer-pdf", answer.appealType(), lang, values);
    TextTemplates.Rendered message = templates.render("answer-email", answer.appealType(), lang, values);
    List<String> addressee = new ArrayList<>();
    add(addressee, answer.clientFullName());
    if (answer.clientEmail() != null && !answer.clientEmail().isBlank()) {
      addressee.add(label(lang, "email").replace("{email}", answer.clientEmail().strip()));
    }
    byte[] bytes = pdf.render(new PdfLetter(document.subject(), letterhead(j, lang),
        references(lang, null, date, answer.appealNumber()), addressee, document.subject(), document.body(),
        signature(answer.signatoryUserId(), lang), label(lang, "page")));
    return new AnswerDocument(bytes, message, companyName(j, lang));
  }

  /**
   * @param pdf the answer on the letterhead
   * @param email subject and body of the e-mail that carries it
   * @param companyName the sender's display name
   */
  public record AnswerDocument(byte[] pdf, TextTemplates.Rendered email, String companyName) {}

  /** The company's name as letters and e-mails give it («ООО МКК «Пример Финанс»»), or the configured fallback. */
  public String companyName(Jurisdiction j, String language) {
    String lang = TextTemplates.language(language);
    return profiles.find(j).map(p -> label(lang, "company").replace("{legalForm}", p.legalForm(lang))
        .replace("{name}", p.name(lang))).orElse(properties.companyName());
  }

  // ------------------------------------------------------------------------------------------------ parts

  private PdfLetter.Letterhead letterhead(Jurisdiction j, String lang) {
    Optional<CompanyProfile> found = profiles.find(j);
    if (found.isEmpty()) {
      return new PdfLetter.Letterhead(null, properties.companyName(), List.of());
    }
    CompanyProfile p = found.get();
    List<String> details = new ArrayList<>();
    details.add(label(lang, "requisites." + j.name()).replace("{inn}", nz(p.inn())).replace("{ogrn}", nz(p.ogrn()))
        .replace("{mfoRegistryNumber}", nz(p.mfoRegistryNumber())).replace("{bin}", nz(p.bin()))
        .replace("{licence}", nz(p.licence(lang))));
    details.add(label(lang, "legalAddress").replace("{address}", p.legalAddress(lang)));
    if (!p.postalAddress(lang).equals(p.legalAddress(lang))) {
      details.add(label(lang, "postalAddress").replace("{address}", p.postalAddress(lang)));
    }
    String contacts = label(lang, "contacts").replace("{phone}", p.phone()).replace("{email}", p.email());
    if (p.website() != null) {
      contacts += " · " + label(lang, "website").replace("{website}", p.website());
    }
    details.add(contacts);
    byte[] logo = profiles.logo(j).map(CompanyProfiles.Logo::bytes).orElse(null);
    return new PdfLetter.Letterhead(logo, companyName(j, lang), details);
  }

  private List<String> references(String lang, String outgoingNumber, LocalDate date, String caseNumber) {
    List<String> lines = new ArrayList<>();
    if (outgoingNumber != null) {
      lines.add(label(lang, "outgoing").replace("{number}", outgoingNumber)
          .replace("{date}", date == null ? "" : DATE.format(date)));
    } else if (date != null) {
      lines.add(label(lang, "date").replace("{date}", DATE.format(date)));
    }
    if (caseNumber != null && !caseNumber.isBlank()) {
      lines.add(label(lang, "case").replace("{case}", caseNumber));
    }
    return lines;
  }

  private PdfLetter.Signature signature(String userId, String lang) {
    Signatories.Signatory s = signatories.of(userId);
    return s == null ? null : new PdfLetter.Signature(s.position(lang), s.fullName());
  }

  /** The values the remedy paragraph ({@code templates/answer-remedies_<ru|kk>.txt}) chooses by. */
  private static void remedyValues(Map<String, Object> values, Jurisdiction j, Optional<AppealFacts.Facts> appeal,
      BigDecimal claim) {
    values.put("jurisdiction", j.name());
    values.put("appealType", appeal.map(AppealFacts.Facts::appealType).orElse(null));
    values.put("answerOutcome", appeal.map(AppealFacts.Facts::answerOutcome).orElse(null));
    values.put("regulatorAuthority", appeal.map(AppealFacts.Facts::regulatorAuthority).orElse(null));
    values.put("regulatorReference", appeal.map(AppealFacts.Facts::regulatorReference).orElse(null));
    if (claim != null) {
      values.put("claimAmount", claim);
      values.put("claimAmountText", ClaimAmount.text(claim));
    }
  }

  private static Jurisdiction jurisdiction(String given, Optional<AppealFacts.Facts> appeal, String caseNumber,
      String lang) {
    if (given != null && !given.isBlank()) {
      return Jurisdiction.of(given);
    }
    if (appeal.isPresent()) {
      return Jurisdiction.of(appeal.get().jurisdiction());
    }
    if (caseNumber != null && caseNumber.startsWith("KZ")) {
      return Jurisdiction.KZ;
    }
    return "kk".equals(lang) ? Jurisdiction.KZ : Jurisdiction.RU;
  }

  private String label(String lang, String key) {
    return templates.label(LAYOUT, lang, key);
  }

  private static void add(List<String> lines, String value) {
    if (value != null && !value.isBlank()) {
      lines.add(value.strip());
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

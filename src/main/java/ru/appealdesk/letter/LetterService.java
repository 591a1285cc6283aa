package ru.appealdesk.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.casefile.CaseDocument;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.casefile.DocumentKind;
import ru.appealdesk.delivery.LetterDocuments;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.restructuring.EarlyRepaymentBan;

/**
 * Outgoing letters (SPEC §3.12): checks what drafters, approvers, signatories and the office manager submit, numbers
 * registered letters per year ({@code OUT-2026-000045}, the letter's date is its registration date) and files the
 * signed copy in the case.
 */
@Service
public class LetterService {

  /** Who may sign an outgoing letter: DMN {@code letter-signatories} (output {@code maySign}), not Java. */
  static final String SIGNATORIES = "letter-signatories";
  static final String DEFAULT_DRAFTER_GROUP = AppGroup.BRANCH_HEAD.id();
  static final int MAX_SUBJECT = 500;
  static final int MAX_BODY = 50_000;

  private final OutgoingLetters letters;
  private final CaseFile caseFile;
  private final LetterDocuments documents;
  private final EarlyRepaymentBan earlyRepaymentBan;

  private final DecisionService decisions;

  LetterService(OutgoingLetters letters, CaseFile caseFile, LetterDocuments documents,
      EarlyRepaymentBan earlyRepaymentBan, DecisionService decisions) {
    this.decisions = decisions;
    this.letters = letters;
    this.caseFile = caseFile;
    this.documents = documents;
    this.earlyRepaymentBan = earlyRepaymentBan;
  }

  /** Checks the input of a new letter, fills defaults, opens the letter's card; returns the normalised input. */
  @Transactional
  public LetterInput open(String processInstanceId, LetterInput in) {
    List<String> problems = new ArrayList<>();
    LetterKind kind = null;
    if (blank(in.letterKind())) {
      problems.add("не указан вид письма (letterKind)");
    } else {
      try {
        kind = LetterKind.valueOf(in.letterKind().strip());
      } catch (IllegalArgumentException e) {
        problems.add("неизвестный вид письма «" + in.letterKind() + "»");
      }
    }
    // subject, text and recipient may still be empty here: the drafter completes them (checked in saveDraft)
    String language = blank(in.language()) ? "ru" : in.language().strip().toLowerCase(Locale.ROOT);
    if (!language.equals("ru") && !language.equals("kk")) {
      problems.add("язык письма должен быть ru или kk");
    }
    String signatory = blank(in.signatoryGroup()) ? AppGroup.GENERAL_DIRECTOR.id() : in.signatoryGroup().strip();
    if (!maySign(signatory)) {
      problems.add("подписывает генеральный директор или уполномоченный руководитель, а не «" + signatory + "»");
    }
    String approval = blank(in.approvalGroup()) ? null : in.approvalGroup().strip();
    if (approval != null && AppGroup.byId(approval).isEmpty()) {
      problems.add("неизвестная группа согласования «" + approval + "»");
    }
    String drafter = blank(in.drafterGroup()) ? DEFAULT_DRAFTER_GROUP : in.drafterGroup().strip();
    if (AppGroup.byId(drafter).isEmpty()) {
      problems.add("неизвестная группа исполнителя «" + drafter + "»");
    }
    if (!problems.isEmpty()) {
      throw new InvalidLetterException(problems);
    }
    String caseNumber = blank(in.caseNumber()) ? null : in.caseNumber().strip();
    long id = letters.create(processInstanceId, caseNumber == null ? "LTR-pending" : caseNumber, kind,
        trim(in.letterSubject()), trim(in.letterBody()), language, trim(in.recipientName()),
        trim(in.recipientAddress()));
    if (caseNumber == null) {
      // a stand-alone letter is its own case
      caseNumber = "LTR-%d-%06d".formatted(now().atZone(ZoneId.of("Europe/Moscow")).getYear(), id);
      letters.setCaseNumber(id, caseNumber);
    }
    return new LetterInput(caseNumber, kind.name(), trim(in.letterSubject()), trim(in.letterBody()), language,
        approval, signatory, trim(in.recipientName()), trim(in.recipientAddress()), drafter);
  }

  /** The drafter completed the draft (again): subject, text and recipient are required from here on. */
  @Transactional
  public void saveDraft(String processInstanceId, String subject, String body, String recipientName,
      String recipientAddress) {
    List<String> problems = new ArrayList<>();
    checkText(problems, subject, body);
    require(problems, recipientName, "не указан получатель");
    require(problems, recipientAddress, "не указан адрес получателя");
    // KZ ¶75: no demand of early repayment while the borrower's restructuring application is considered
    letters.byProcessInstance(processInstanceId).flatMap(l -> earlyRepaymentBan.refusal(l.caseNumber(), recipientName,
        subject, body)).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      throw new InvalidLetterException(problems);
    }
    letters.updateDraft(processInstanceId, subject.strip(), body.strip(), recipientName.strip(),
        recipientAddress.strip());
  }

  /**
   * An approver or signatory decided ({@code true}/{@code false}, as a boolean or the form's string). A rejection
   * needs a comment, which goes back to the drafter.
   */
  public Decision decide(String step, Object decision, String comment, String decidedBy) {
    Boolean accepted = decision instanceof Boolean b ? b
        : "true".equals(decision) ? Boolean.TRUE : "false".equals(decision) ? Boolean.FALSE : null;
    if (accepted == null) {
      throw new InvalidLetterException(List.of("не выбрано решение (" + step + ")"));
    }
    if (!accepted && blank(comment)) {
      throw new InvalidLetterException(List.of("при отказе укажите замечания для исполнителя"));
    }
    return new Decision(accepted, accepted ? null : step + " — " + decidedBy + ": " + comment.strip());
  }

  /** @param rejectionComment what the drafter sees; null when accepted */
  public record Decision(boolean accepted, String rejectionComment) {}

  @Transactional
  public void sign(String processInstanceId, String signedBy) {
    letters.recordSignature(processInstanceId, signedBy);
  }

  /** Registers a signed letter: the next number of the year and today's date (in the jurisdiction's time zone). */
  @Transactional
  public Registration register(String processInstanceId, String jurisdiction, String registeredBy) {
    ZoneId zone = ("KZ".equalsIgnoreCase(jurisdiction) ? Jurisdiction.KZ : Jurisdiction.RU).zone();
    Instant at = now();
    LocalDate date = at.atZone(zone).toLocalDate();
    String number = "OUT-%d-%06d".formatted(date.getYear(), letters.nextNumber(date.getYear()));
    letters.recordRegistration(processInstanceId, number, date, registeredBy);
    return new Registration(number, date, at);
  }

  @Transactional
  public void dispatch(String processInstanceId, Object method, String trackingNumber) {
    DispatchMethod m;
    try {
      m = DispatchMethod.valueOf(String.valueOf(method));
    } catch (IllegalArgumentException e) {
      throw new InvalidLetterException(List.of("не выбран способ отправки"));
    }
    String tracking = blank(trackingNumber) ? null : trackingNumber.strip();
    if (m.needsTrackingNumber() && (tracking == null || !tracking.matches("[A-Za-z0-9-]{5,64}"))) {
      throw new InvalidLetterException(List.of("для заказного письма укажите номер почтового отправления "
          + "(5–64 латинских букв или цифр)"));
    }
    letters.recordDispatch(processInstanceId, m, tracking, now());
  }

  /**
   * Files the signed letter as a PDF on the company letterhead with its registration details in the case file.
   *
   * @param jurisdiction RU/KZ of the process; null: taken from the case
   */
  @Transactional
  public CaseDocument fileSignedCopy(String processInstanceId, String jurisdiction) {
    OutgoingLetter letter = letters.byProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No outgoing letter of process " + processInstanceId));
    byte[] copy = documents.letter(jurisdiction, letter.language(), letter.caseNumber(), letter.kind().name(),
        letter.subject(), letter.body(), letter.recipientName(), letter.recipientAddress(), letter.outgoingNumber(),
        letter.outgoingDate(), letter.signedBy());
    String name = (letter.outgoingNumber() == null ? "letter-" + letter.id() : letter.outgoingNumber()) + ".pdf";
    return caseFile.store(letter.caseNumber(), DocumentKind.SIGNED_LETTER, name, "application/pdf", copy,
        letter.signedBy());
  }

  private static void checkText(List<String> problems, String subject, String body) {
    require(problems, subject, "не указана тема письма");
    require(problems, body, "текст письма пустой");
    if (subject != null && subject.length() > MAX_SUBJECT) {
      problems.add("тема письма длиннее " + MAX_SUBJECT + " символов");
    }
    if (body != null && body.length() > MAX_BODY) {
      problems.add("текст письма длиннее " + MAX_BODY + " символов");
    }
  }

  private static void require(List<String> problems, String value, String problem) {
    if (blank(value)) {
      problems.add(problem);
    }
  }

  private static String trim(String s) {
    return s == null ? "" : s.strip();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** @param at the moment of registration; {@code date} is its local date, the letter's date */
  public record Registration(String outgoingNumber, LocalDate date, Instant at) {}

  /** Whether {@code group} may sign outgoing letters, as the deployed decision {@code letter-signatories} says. */
  public boolean maySign(String group) {
    Object maySign = decisions.evaluateDecisionByKey(SIGNATORIES)
        .variables(java.util.Collections.singletonMap("signatoryGroup", group)).evaluate().getSingleResult()
        .getEntry("maySign");
    return Boolean.TRUE.equals(maySign);
  }
}

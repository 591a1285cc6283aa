package ru.appealdesk.appeal;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import ru.appealdesk.deadline.DeadlineTexts;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * How an appeal reads for people: dates in the jurisdiction's zone with its label, names instead of codes. The
 * essentials are the variables every appeal form shows read-only.
 */
final class AppealTexts {

  private AppealTexts() {}

  static String dateTime(Instant at, Jurisdiction j) {
    return DeadlineTexts.dateTime(at, j);
  }

  static String date(Instant at, Jurisdiction j) {
    return DeadlineTexts.date(at, j);
  }

  /** ISO-8601 with the jurisdiction's offset, e.g. {@code 2026-12-04T23:59:59+03:00}. */
  static String iso(Instant at, Jurisdiction j) {
    return DeadlineTexts.iso(at, j);
  }

  static String client(Client c) {
    return Clients.text(c);
  }

  /**
   * The process variables of docs/CONTRACTS.md plus the read-only texts the forms show. {@code subjectName}: the
   * subject's Russian name as the intake's check found it in the deployed vocabulary (null: the code is shown).
   */
  static Map<String, Object> essentials(Appeal a, String subjectName) {
    Map<String, Object> v = new HashMap<>();
    v.put(AppealVariables.APPEAL_NUMBER, a.getNumber());
    v.put(AppealVariables.JURISDICTION, a.getJurisdiction().name());
    v.put(AppealVariables.APPEAL_TYPE, a.getType().name());
    v.put(AppealVariables.SUBJECT, a.getSubject());
    v.put(AppealVariables.CHANNEL, a.getChannel().name());
    v.put(AppealVariables.LANGUAGE, a.getLanguage());
    v.put(AppealVariables.RECEIVED_AT, Date.from(a.getReceivedAt()));
    v.putAll(clientVariables(a));
    v.put(AppealVariables.APPEAL_TYPE_TEXT, a.getType().russianName());
    v.put(AppealVariables.SUBJECT_TEXT, a.getSubject() == null ? "без темы"
        : subjectName != null ? subjectName : a.getSubject());
    v.put(AppealVariables.CHANNEL_TEXT, a.getChannel().russianName());
    v.put(AppealVariables.RECEIVED_AT_TEXT, dateTime(a.getReceivedAt(), a.getJurisdiction()));
    v.put(AppealVariables.APPEAL_CONTENT, Texts.abbreviate(a.getContent(), Texts.VARIABLE_TEXT_LIMIT));
    v.put(AppealVariables.APPEAL_DEMAND, Texts.abbreviate(a.getDemand(), Texts.VARIABLE_TEXT_LIMIT));
    v.put(AppealVariables.SITUATION_PLACE, a.getSituationPlace());
    v.put(AppealVariables.SITUATION_AT, a.getSituationAt() == null ? null
        : a.getSituationAt().atZone(a.getJurisdiction().zone()).toLocalDateTime().toString());
    v.put(AppealVariables.SITUATION_AT_TEXT, dateTime(a.getSituationAt(), a.getJurisdiction()));
    v.put(AppealVariables.CONTRACT_NUMBER, a.getContractNumber());
    v.put(AppealVariables.REGULATOR_TEXT, regulatorText(a));
    v.put("conclusions", "");
    return v;
  }

  static String regulatorText(Appeal a) {
    if (a.getRegulatorAuthority() == null) {
      return null;
    }
    String who = "ARDFM".equals(a.getRegulatorAuthority()) ? "АРРФР" : "Банк России";
    return "Перенаправлено: " + who + ", № " + a.getRegulatorReference()
        + (a.getRegulatorForwardedAt() == null ? "" : " от " + date(a.getRegulatorForwardedAt(), a.getJurisdiction()));
  }

  static Map<String, Object> clientVariables(Appeal a) {
    Client c = a.getClient();
    Map<String, Object> v = new HashMap<>();
    v.put(AppealVariables.CLIENT_FULL_NAME, c == null ? null : c.getFullName());
    v.put(AppealVariables.CLIENT_EMAIL, c == null ? null : c.getEmail());
    v.put(AppealVariables.CLIENT_PHONE, c == null ? null : c.getPhone());
    v.put(AppealVariables.CLIENT_POSTAL_ADDRESS, Clients.postalAddress(c));
    v.put(AppealVariables.CLIENT_ADDRESS, c == null ? null : c.getPostalAddress());
    v.put(AppealVariables.CLIENT_POSTAL_CODE, c == null ? null : c.getPostalCode());
    v.put(AppealVariables.CLIENT_ID_DOCUMENT, c == null ? null : c.getIdDocument());
    v.put(AppealVariables.CLIENT_TEXT, Clients.text(c));
    v.put(AppealVariables.CLIENT_HAS_EMAIL, c != null && !Texts.blank(c.getEmail()));
    return v;
  }
}

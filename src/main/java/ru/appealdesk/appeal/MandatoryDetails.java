package ru.appealdesk.appeal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The mandatory details of SPEC §3.3 (§5.1 complaints, §6.2 applications). Missing details never block registration;
 * they trigger the information request (§5.3). Signature and date of writing belong to the paper original and are
 * checked by the registrar, not here. Other types have no list in the regulation. Russian rules only: the KZ policy
 * refuses only anonymous appeals (¶54) and has no checklist.
 */
enum MandatoryDetails {
  FULL_NAME("ФИО"),
  POSTAL_ADDRESS("адрес с почтовым индексом"),
  ID_DOCUMENT("документ, удостоверяющий личность"),
  PHONE("телефон"),
  SITUATION_PLACE("место ситуации"),
  SITUATION_AT("дата и время ситуации"),
  DEMAND("требование клиента"),
  CONTRACT_NUMBER("номер договора микрозайма");

  private final String text;

  MandatoryDetails(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /**
   * RU: what is missing. {@code knownClient}: an existing client's identity document is in the company's system
   * already (§5.1), so its absence alone does not trigger a request.
   */
  static List<MandatoryDetails> missing(Appeal a, boolean knownClient) {
    List<MandatoryDetails> missing = new ArrayList<>();
    if (a.getType() != AppealType.COMPLAINT && a.getType() != AppealType.APPLICATION) {
      return missing;
    }
    Client c = a.getClient();
    if (c == null || blank(c.getFullName())) {
      missing.add(FULL_NAME);
    }
    if (c == null || blank(c.getPostalAddress()) || blank(c.getPostalCode())) {
      missing.add(POSTAL_ADDRESS);
    }
    if (!knownClient && (c == null || blank(c.getIdDocument()))) {
      missing.add(ID_DOCUMENT);
    }
    if (c == null || blank(c.getPhone())) {
      missing.add(PHONE);
    }
    if (a.getType() == AppealType.COMPLAINT) {
      if (blank(a.getSituationPlace())) {
        missing.add(SITUATION_PLACE);
      }
      if (a.getSituationAt() == null) {
        missing.add(SITUATION_AT);
      }
      if (blank(a.getDemand())) {
        missing.add(DEMAND);
      }
    } else if (blank(a.getContractNumber())) {
      missing.add(CONTRACT_NUMBER);
    }
    return missing;
  }

  static String codes(List<MandatoryDetails> details) {
    return details.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  /** "ФИО, телефон" for the codes "FULL_NAME,PHONE" (forms and the information request show this). */
  static String texts(String codes) {
    if (codes == null || codes.isBlank()) {
      return "";
    }
    return Arrays.stream(codes.split(",")).map(MandatoryDetails::valueOf).map(MandatoryDetails::text)
        .collect(Collectors.joining(", "));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

package ru.appealdesk.company;

/**
 * Check digits of the company's registration numbers, so a typo on the letterhead is refused when it is typed, not
 * found by a client.
 */
final class Requisites {

  private static final int[] INN10_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

  private Requisites() {}

  /** ИНН of a Russian organisation: 10 digits, the last one the weighted sum of the others mod 11 mod 10. */
  static String innProblem(String inn) {
    if (!inn.matches("\\d{10}")) {
      return "ИНН организации состоит из 10 цифр";
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (inn.charAt(i) - '0') * INN10_WEIGHTS[i];
    }
    return sum % 11 % 10 == inn.charAt(9) - '0' ? null : "неверный ИНН: не совпадает контрольная цифра";
  }

  /** ОГРН: 13 digits, the last one the first twelve (as a number) mod 11 mod 10. */
  static String ogrnProblem(String ogrn) {
    if (!ogrn.matches("\\d{13}")) {
      return "ОГРН состоит из 13 цифр";
    }
    long body = Long.parseLong(ogrn.substring(0, 12));
    return body % 11 % 10 == ogrn.charAt(12) - '0' ? null : "неверный ОГРН: не совпадает контрольная цифра";
  }

  /**
   * БИН of a Kazakh organisation: 12 digits; the check digit is the sum of the first eleven with weights 1…11 mod 11,
   * or, when that gives 10, with weights 3…11, 1, 2 (a second 10 cannot be a valid number).
   */
  static String binProblem(String bin) {
    if (!bin.matches("\\d{12}")) {
      return "БИН состоит из 12 цифр";
    }
    int check = binSum(bin, 0) % 11;
    if (check == 10) {
      check = binSum(bin, 2) % 11;
    }
    return check != 10 && check == bin.charAt(11) - '0' ? null : "неверный БИН: не совпадает контрольная цифра";
  }

  private static int binSum(String bin, int shift) {
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (bin.charAt(i) - '0') * ((i + shift) % 11 + 1);
    }
    return sum;
  }
}

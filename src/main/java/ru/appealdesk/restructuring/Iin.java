package ru.appealdesk.restructuring;

/**
 * Kazakh individual identification number (ИИН): 12 digits, the last one a check digit. The check digit is the weighted
 * sum of the first 11 digits (weights 1..11) modulo 11; when that is 10, the sum is taken again with weights
 * 3,4,…,11,1,2, and a second 10 means the number cannot be valid.
 */
public final class Iin {

  private Iin() {}

  /** A Russian reason why {@code iin} is not a valid IIN, or {@code null} when it is. */
  public static String problem(String iin) {
    if (iin == null || iin.isBlank()) {
      return "укажите ИИН";
    }
    if (!iin.matches("\\d{12}")) {
      return "ИИН должен состоять из 12 цифр";
    }
    int[] d = iin.chars().map(c -> c - '0').toArray();
    int check = weightedSum(d, 1) % 11;
    if (check == 10) {
      check = weightedSum(d, 3) % 11;
      if (check == 10) {
        return "неверный ИИН: контрольный разряд не вычисляется";
      }
    }
    return check == d[11] ? null : "неверный ИИН: не совпадает контрольный разряд";
  }

  public static boolean isValid(String iin) {
    return problem(iin) == null;
  }

  /** Sum of the first 11 digits with weights firstWeight, firstWeight+1, …, wrapping after 11 back to 1. */
  private static int weightedSum(int[] digits, int firstWeight) {
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      int weight = (firstWeight - 1 + i) % 11 + 1;
      sum += digits[i] * weight;
    }
    return sum;
  }
}

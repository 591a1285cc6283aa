package ru.appealdesk.platform;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data that cannot occur by chance: a token of this run in a name, a phone, an e-mail, a passport number, an
 * address and a free text. A test sends them through the API and then searches the log for them.
 */
public final class PersonalDataMarkers {

  private static final SecureRandom RANDOM = new SecureRandom();

  public final String token;
  public final String fullName;
  public final String phone;
  public final String phoneDigits;
  public final String email;
  public final String passport;
  public final String address;
  public final String text;

  public PersonalDataMarkers() {
    StringBuilder t = new StringBuilder("pd");
    String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    for (int i = 0; i < 10; i++) {
      t.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    token = t.toString();
    StringBuilder digits = new StringBuilder("9");
    for (int i = 0; i < 9; i++) {
      digits.append(RANDOM.nextInt(10));
    }
    phoneDigits = digits.toString();
    fullName = "Маркеров Тест " + token;
    phone = "+7 " + phoneDigits.substring(0, 3) + " " + phoneDigits.substring(3, 6) + "-" + phoneDigits.substring(6, 8)
        + "-" + phoneDigits.substring(8);
    email = token + "@marker.test";
    passport = "MK " + token.toUpperCase(Locale.ROOT);
    address = "г. Маркерск, ул. " + token + ", д. 1";
    text = "Жалоба клиента " + token + ": личные обстоятельства";
  }

  /** What must never appear in a log: the token in any case, the phone's digits in any formatting. */
  public List<String> hits(String log) {
    List<String> hits = new ArrayList<>();
    Pattern token = Pattern.compile(Pattern.quote(this.token), Pattern.CASE_INSENSITIVE);
    String digitsOnly = phoneDigits;
    String[] lines = log.split("\\R");
    for (String line : lines) {
      Matcher m = token.matcher(line);
      if (m.find() || line.replaceAll("[^0-9]", "").contains(digitsOnly)) {
        hits.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
      }
    }
    return hits;
  }
}

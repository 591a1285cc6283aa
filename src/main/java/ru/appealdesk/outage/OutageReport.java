package ru.appealdesk.outage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * What an employee reports when the company's systems fail (the start form or {@code POST /api/outages}), checked the
 * same way whichever door it came through.
 */
record OutageReport(String what, String whatKk, Instant since, List<AffectedChannel> affectedChannels,
    String expectedRecovery) {

  static final int WHAT_MAX = 500;
  static final int EXPECTED_RECOVERY_MAX = 200;
  /** Clocks of the reporter and the server differ a little; a start further in the future is a typo. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Checks raw input and names every bad field.
   *
   * @param whatKk optional Kazakh wording of {@code what} for the Kazakh message (else {@code what} is used as is)
   * @param since an ISO-8601 string with offset (form, API) or a {@link Date} (engine REST)
   * @param affectedChannels a list, a JSON array (Tasklist submits checklists as JSON) or a comma-separated string
   */
  static OutageReport parse(Object what, Object whatKk, Object since, Object affectedChannels,
      Object expectedRecovery) {
    List<FieldProblem> problems = new ArrayList<>();
    String whatText = trimmed(what);
    if (whatText == null) {
      problems.add(new FieldProblem("what", "Опишите, что случилось"));
    } else if (whatText.length() > WHAT_MAX) {
      problems.add(new FieldProblem("what", "Не длиннее " + WHAT_MAX + " символов"));
    }
    String whatKkText = trimmed(whatKk);
    if (whatKkText != null && whatKkText.length() > WHAT_MAX) {
      problems.add(new FieldProblem("whatKk", "Не длиннее " + WHAT_MAX + " символов"));
    }
    Instant sinceAt = null;
    try {
      sinceAt = instant(since);
      if (sinceAt == null) {
        problems.add(new FieldProblem("since", "Укажите, с какого момента не работают системы"));
      } else if (sinceAt.isAfter(ClockUtil.now().toInstant().plus(CLOCK_SKEW))) {
        problems.add(new FieldProblem("since", "Момент сбоя не может быть в будущем"));
      }
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("since", "Дата и время с часовым поясом, например 2026-11-21T08:00:00+03:00"));
    }
    List<AffectedChannel> channels = new ArrayList<>();
    List<String> codes = codes(affectedChannels);
    if (codes == null || codes.isEmpty()) {
      problems.add(new FieldProblem("affectedChannels", "Отметьте хотя бы один недоступный канал"));
    } else {
      Set<AffectedChannel> unique = new LinkedHashSet<>();
      for (int i = 0; i < codes.size(); i++) {
        String code = codes.get(i);
        var channel = AffectedChannel.byCode(code);
        if (channel.isEmpty()) {
          problems.add(new FieldProblem("affectedChannels[" + i + "]", "Неизвестный канал «" + code + "», допустимы: "
              + Arrays.toString(AffectedChannel.values())));
        } else {
          unique.add(channel.get());
        }
      }
      channels.addAll(unique);
    }
    String recovery = trimmed(expectedRecovery);
    if (recovery != null && recovery.length() > EXPECTED_RECOVERY_MAX) {
      problems.add(new FieldProblem("expectedRecovery", "Не длиннее " + EXPECTED_RECOVERY_MAX + " символов"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return new OutageReport(whatText, whatKkText, sinceAt, List.copyOf(channels), recovery);
  }

  /** Channel codes as stored in the record and in the process ({@code WEBSITE,EMAIL}). */
  String channelCodes() {
    return String.join(",", affectedChannels.stream().map(Enum::name).toList());
  }

  boolean affects(AffectedChannel channel) {
    return affectedChannels.contains(channel);
  }

  private static String trimmed(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static Instant instant(Object value) {
    if (value instanceof Date d) {
      return d.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    String s = trimmed(value);
    return s == null ? null : OffsetDateTime.parse(s).toInstant();
  }

  private static List<String> codes(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SpinJsonNode node) {
      if (!node.isArray()) {
        return List.of(node.isString() ? node.stringValue() : node.toString());
      }
      return node.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).map(String::strip).toList();
    }
    String s = value.toString().strip();
    if (s.startsWith("[")) {
      try {
        return JSON.readValue(s, new TypeReference<List<String>>() {});
      } catch (JsonProcessingException e) {
        return List.of(s);
      }
    }
    return s.isEmpty() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).toList();
  }
}

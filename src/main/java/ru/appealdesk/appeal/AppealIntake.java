package ru.appealdesk.appeal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.deadline.Now;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;
import ru.appealdesk.platform.ConflictException;
import ru.appealdesk.platform.EvaluatedDecisions;

/**
 * Intake of appeals (API {@code POST /api/appeals} and the Tasklist start form): checks the input — codes against SPEC,
 * the subject against the deployed {@code appeal-routing} table ({@link AppealVocabulary}) —, recognises the client,
 * numbers the appeal and starts {@code appeal-handling} with the number as business key.
 */
@Service
public class AppealIntake {

  public static final String PROCESS_KEY = "appeal-handling";
  static final Map<String, String> REGULATORS = Map.of("BANK_OF_RUSSIA", "RU", "ARDFM", "KZ");

  private static final Logger log = LoggerFactory.getLogger(AppealIntake.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AppealRepository appeals;
  private final ClientRepository clients;
  private final AppealNumbers numbers;
  private final RuntimeService runtime;
  private final AppealStatusChanges statuses;
  private final AppealVocabulary vocabulary;
  private final jakarta.validation.Validator validator;
  private final TransactionTemplate transactions;

  AppealIntake(AppealRepository appeals, ClientRepository clients, AppealNumbers numbers, RuntimeService runtime,
      AppealStatusChanges statuses, AppealVocabulary vocabulary, jakarta.validation.Validator validator,
      PlatformTransactionManager transactionManager) {
    this.appeals = appeals;
    this.clients = clients;
    this.numbers = numbers;
    this.runtime = runtime;
    this.statuses = statuses;
    this.vocabulary = vocabulary;
    this.validator = validator;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** What {@code POST /api/appeals} answers. */
  public record Intake(Appeal appeal, boolean replayed) {}

  /**
   * Records the appeal, numbers it and starts {@code appeal-handling}. The process runs in the intake transaction up
   * to its first wait state, so routing and the answer deadline are known when this returns. The number is taken in a
   * short transaction of its own, so parallel intakes do not queue on the sequence row.
   */
  public Intake intake(NewAppeal in, String idempotencyKey, String requestHash) {
    if (idempotencyKey != null) {
      Optional<Appeal> earlier = appeals.findByIdempotencyKey(idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), requestHash);
      }
    }
    Checked c = check(in);
    Instant receivedAt = instant(in.receivedAt(), Now.instant());
    String number = numbers.next(c.jurisdiction, receivedAt);
    return transactions.execute(status -> {
      Appeal appeal = record(in, c, number, receivedAt, idempotencyKey, requestHash);
      ProcessInstanceWithVariables pi = runtime.createProcessInstanceByKey(PROCESS_KEY)
          .businessKey(appeal.getNumber())
          .setVariables(startVariables(appeal, c.subjectName()))
          .executeWithVariablesInReturn();
      appeal.processInstance(pi.getId());
      log.info("Appeal {} received ({} {} via {}), process {}", appeal.getNumber(), appeal.getType(),
          appeal.getSubject(), appeal.getChannel(), pi.getId());
      return new Intake(appeal, false);
    });
  }

  /**
   * An employee started {@code appeal-handling} from Tasklist with the intake form: the same checks and records as the
   * API, for the process instance that already runs. Returns its start variables.
   */
  @Transactional
  public Map<String, Object> acceptStartedInTasklist(String processInstanceId, NewAppeal in) {
    Checked c = check(in);
    Instant receivedAt = instant(in.receivedAt(), Now.instant());
    Appeal appeal = record(in, c, numbers.next(c.jurisdiction, receivedAt), receivedAt, null, null);
    appeal.processInstance(processInstanceId);
    log.info("Appeal {} entered in Tasklist, process {}", appeal.getNumber(), processInstanceId);
    return startVariables(appeal, c.subjectName());
  }

  private Appeal record(NewAppeal in, Checked c, String number, Instant receivedAt, String idempotencyKey,
      String requestHash) {
    Instant now = Now.instant();
    Client client = client(in.client(), now);
    Appeal appeal = new Appeal(number, c.jurisdiction, c.type, c.subject, c.channel, c.language, receivedAt, client,
        newToken(), now);
    appeal.describe(in.content().strip(), Texts.trim(in.demand()), Texts.trim(in.situationPlace()),
        in.situationAt() == null ? null : in.situationAt().toInstant(), Texts.trim(in.contractNumber()),
        Boolean.TRUE.equals(in.writtenAnswerRequested()));
    NewAppeal.Regulator r = in.regulator();
    appeal.particulars(in.discoveredAt() == null ? null : in.discoveredAt().toInstant(), Texts.trim(in.reason()),
        in.claimAmount(), r == null ? null : r.authority().strip(), r == null ? null : r.reference().strip(),
        r == null || r.forwardedAt() == null ? null : r.forwardedAt().toInstant());
    appeal.idempotency(idempotencyKey, requestHash);
    appeals.saveAndFlush(appeal);
    EvaluatedDecisions.mark(number); // the tables evaluated from here on route this appeal (AppealSteps.routed)
    statuses.record(appeal, AppealStatus.RECEIVED, "Канал: " + c.channel.russianName()
        + (r == null ? "" : "; перенаправлено регулятором, № " + r.reference().strip()));
    return appeal;
  }

  /** The start variables of {@code appeal-handling} (docs/CONTRACTS.md, {@link AppealVariables}). */
  private Map<String, Object> startVariables(Appeal a, String subjectName) {
    Map<String, Object> v = new HashMap<>(AppealTexts.essentials(a, subjectName));
    v.put(AppealVariables.WRITTEN_ANSWER_REQUESTED, a.isWrittenAnswerRequested());
    v.put(AppealVariables.DISCOVERED_AT, a.getDiscoveredAt() == null ? null : Date.from(a.getDiscoveredAt()));
    v.put(AppealVariables.APPLICATION_REASON, a.getApplicationReason());
    v.put(AppealVariables.CLAIM_AMOUNT, a.getClaimAmount() == null ? null : a.getClaimAmount().doubleValue());
    v.put(AppealVariables.REGULATOR_AUTHORITY, a.getRegulatorAuthority());
    v.put(AppealVariables.REGULATOR_REFERENCE, a.getRegulatorReference());
    v.put(AppealVariables.REFUSAL_GROUND, "NONE");
    v.put(AppealVariables.ANSWER_SIGNED_BY, null);
    return v;
  }

  private Intake replay(Appeal earlier, String requestHash) {
    if (requestHash != null && earlier.getRequestHash() != null && !requestHash.equals(earlier.getRequestHash())) {
      throw new ConflictException("Idempotency-Key уже использован для другого обращения ("
          + earlier.getNumber() + ")");
    }
    return new Intake(earlier, true);
  }

  /** The checked codes; {@code subjectName}: the subject's Russian name in the vocabulary the check used (or null). */
  private record Checked(Jurisdiction jurisdiction, AppealType type, String subject, Channel channel,
      String language, String subjectName) {}

  /** Bean Validation, the codes of SPEC and the deployed vocabulary together: one 400 names every bad field. */
  private Checked check(NewAppeal in) {
    List<FieldProblem> problems = new ArrayList<>(validator.validate(in).stream()
        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field)).toList());
    Jurisdiction jurisdiction = code(Jurisdiction.class, in.jurisdiction(), "jurisdiction", problems);
    AppealType type = code(AppealType.class, in.type(), "type", problems);
    Channel channel = code(Channel.class, in.channel(), "channel", problems);
    if (channel != null && !channel.acceptedIn(jurisdiction)) {
      problems.add(new FieldProblem("channel", "канал «" + channel.russianName() + "» не принимается в юрисдикции "
          + jurisdiction + " (SPEC §2)"));
    }
    String subject = Texts.trim(in.subject());
    String subjectName = null;
    if (type != null) {
      List<AppealVocabulary.Term> allowed = vocabulary.subjects(jurisdiction == null ? null : jurisdiction.name(),
          type.name());
      String list = allowed.stream().map(AppealVocabulary.Term::code).collect(Collectors.joining(", "));
      if (allowed.isEmpty()) {
        if (subject != null) {
          problems.add(new FieldProblem("subject", "у типа «" + type.russianName() + "» нет тем: поле не заполняется"));
        }
      } else if (subject == null) {
        problems.add(new FieldProblem("subject", "обязательное поле для типа «" + type.russianName()
            + "»; допустимо: " + list));
      } else {
        Optional<AppealVocabulary.Term> term = allowed.stream().filter(t -> t.code().equals(subject)).findFirst();
        if (term.isEmpty()) {
          problems.add(new FieldProblem("subject", "недопустимое значение «" + Texts.abbreviate(subject, 40)
              + "» для типа «" + type.russianName() + "»; допустимо: " + list));
        } else {
          subjectName = term.get().ru();
        }
      }
    }
    String language = Texts.trim(in.language());
    if (language == null) {
      language = "ru";
    } else if (!language.equals("ru") && !language.equals("kk")) {
      problems.add(new FieldProblem("language", "недопустимое значение «" + language + "»; допустимо: ru, kk"));
    } else if (language.equals("kk") && jurisdiction == Jurisdiction.RU) {
      problems.add(new FieldProblem("language", "обращения в РФ рассматриваются на русском языке (ru)"));
    }
    Instant now = Now.instant();
    if (in.receivedAt() != null && in.receivedAt().toInstant().isAfter(now.plusSeconds(300))) {
      problems.add(new FieldProblem("receivedAt", "дата получения не может быть в будущем"));
    }
    if (in.discoveredAt() != null) {
      Instant received = instant(in.receivedAt(), now);
      if (in.discoveredAt().toInstant().isAfter(now.plusSeconds(300))) {
        problems.add(new FieldProblem("discoveredAt", "дата обнаружения не может быть в будущем"));
      } else if (in.discoveredAt().toInstant().isBefore(received)) {
        problems.add(new FieldProblem("discoveredAt", "отзыв не может быть обнаружен раньше, чем он получен"));
      }
      if (channel != null && channel != Channel.THIRD_PARTY_SITE) {
        problems.add(new FieldProblem("discoveredAt", "только для обращений со сторонних сайтов (THIRD_PARTY_SITE)"));
      }
    }
    if (Texts.trim(in.reason()) != null && type != AppealType.APPLICATION) {
      problems.add(new FieldProblem("reason", "причина указывается только для заявлений (APPLICATION)"));
    }
    NewAppeal.Regulator r = in.regulator();
    if (r != null && r.authority() != null && !r.authority().isBlank()) {
      String country = REGULATORS.get(r.authority().strip());
      if (country == null) {
        problems.add(new FieldProblem("regulator.authority", "недопустимое значение; допустимо: BANK_OF_RUSSIA, ARDFM"));
      } else if (jurisdiction != null && !country.equals(jurisdiction.name())) {
        problems.add(new FieldProblem("regulator.authority", r.authority().strip().equals("ARDFM")
            ? "АРРФР перенаправляет обращения только в организации Казахстана (KZ)"
            : "Банк России перенаправляет обращения только в организации РФ (RU)"));
      }
      if (r.forwardedAt() != null && r.forwardedAt().toInstant().isAfter(now.plusSeconds(300))) {
        problems.add(new FieldProblem("regulator.forwardedAt", "дата не может быть в будущем"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return new Checked(jurisdiction, type, subject, channel, language, subjectName);
  }

  private static <E extends Enum<E>> E code(Class<E> codes, String value, String field, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(codes, value.strip());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "недопустимое значение «" + Texts.abbreviate(value, 40) + "»; допустимо: "
          + Arrays.stream(codes.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
      return null;
    }
  }

  private Client client(ClientDetails d, Instant now) {
    String key = identityKey(d);
    if (key == null && (d == null || Clients.allBlank(d))) {
      return null;
    }
    Client client = key == null ? null : clients.findByIdentityKey(key).orElse(null);
    if (client == null) {
      client = new Client(key, now);
    }
    client.update(d, now);
    return clients.save(client);
  }

  /** Id document, else phone, else e-mail, normalised, so the next appeal of the same person finds their history. */
  static String identityKey(ClientDetails d) {
    if (d == null) {
      return null;
    }
    if (d.idDocument() != null && !d.idDocument().isBlank()) {
      return "doc:" + d.idDocument().replaceAll("[^0-9A-Za-zА-Яа-я]", "").toUpperCase(Locale.ROOT);
    }
    if (d.phone() != null && !d.phone().isBlank()) {
      return "phone:" + d.phone().replaceAll("[^0-9]", "");
    }
    if (d.email() != null && !d.email().isBlank()) {
      return "email:" + d.email().strip().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static Instant instant(OffsetDateTime t, Instant fallback) {
    return t == null ? fallback : t.toInstant();
  }

  private static String newToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}

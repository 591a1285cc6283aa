package ru.appealdesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule kind a Camunda Form declares, as the server enforces it (no Spring, no engine: the rules alone). */
class FormRulesTest {

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneId.of("Europe/Moscow"));
  static final FormRules RULES = new FormRules(Feel.INSTANCE, TODAY);

  /** A form of the given components (JSON objects, single quotes for readability). */
  static FormSchema form(String... components) {
    String json = "{\"id\":\"form-test\",\"type\":\"default\",\"schemaVersion\":16,\"components\":["
        + String.join(",", components).replace('\'', '"') + "]}";
    return FormSchema.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  static List<String> texts(FormSchema form, Map<String, Object> vars) {
    return RULES.check(form, vars).stream().map(FieldProblem::text).toList();
  }

  static String chars(int n) {
    return "а".repeat(n);
  }

  static final String ANSWER = "{'key':'answerText','type':'textarea','label':'Текст ответа клиенту',"
      + "'validate':{'required':true,'minLength':60,'maxLength':3900}}";

  @Nested
  class Text {

    @Test
    void lengthIsCountedWithoutSurroundingSpacesAndNamedByTheLabel() {
      FormSchema f = form(ANSWER);
      assertThat(texts(f, vars("answerText", chars(34))))
          .containsExactly("Текст ответа клиенту: не короче 60 символов (введено 34)");
      assertThat(texts(f, vars("answerText", "  " + chars(59) + "  "))).hasSize(1);
      assertThat(texts(f, vars("answerText", chars(91)))).isEmpty();
      assertThat(texts(f, vars("answerText", chars(3901))))
          .containsExactly("Текст ответа клиенту: не длиннее 3900 символов (введено 3901)");
    }

    @Test
    void requiredMeansNotBlank() {
      FormSchema f = form(ANSWER);
      assertThat(texts(f, vars())).containsExactly("Текст ответа клиенту: обязательное поле");
      assertThat(texts(f, vars("answerText", "   "))).containsExactly("Текст ответа клиенту: обязательное поле");
      assertThat(texts(form("{'key':'note','type':'textfield','label':'Примечание','validate':{'minLength':5}}"),
          vars("note", ""))).as("an optional empty field has no length").isEmpty();
    }

    @Test
    void russianNumeralsAfterTheLimit() {
      FormSchema f = form("{'key':'t','type':'textfield','label':'Код','validate':{'minLength':21}}");
      assertThat(texts(f, vars("t", "ab"))).containsExactly("Код: не короче 21 символа (введено 2)");
      assertThat(texts(form("{'key':'t','type':'textfield','label':'Код','validate':{'minLength':11}}"),
          vars("t", "ab"))).containsExactly("Код: не короче 11 символов (введено 2)");
    }

    @Test
    void patternIsSearchedLikeJavaScriptTestDoes() {
      FormSchema anchored = form("{'key':'iin','type':'textfield','label':'ИИН',"
          + "'validate':{'required':true,'pattern':'^[0-9]{12}$'}}");
      assertThat(texts(anchored, vars("iin", "12345678901"))).containsExactly(
          "ИИН: значение не соответствует формату поля");
      assertThat(texts(anchored, vars("iin", "123456789012"))).isEmpty();
      FormSchema unanchored = form("{'key':'t','type':'textfield','label':'Т','validate':{'pattern':'[0-9]'}}");
      assertThat(texts(unanchored, vars("t", "abc1def"))).isEmpty();
      assertThat(texts(unanchored, vars("t", "abc"))).hasSize(1);
    }

    @Test
    void emailAndPhoneValidationTypes() {
      FormSchema f = form("{'key':'mail','type':'textfield','label':'Почта','validate':{'validationType':'email'}}",
          "{'key':'phone','type':'textfield','label':'Телефон','validate':{'validationType':'phone'}}");
      assertThat(texts(f, vars("mail", "client@example.kz", "phone", "+77011234567"))).isEmpty();
      assertThat(texts(f, vars("mail", "не почта", "phone", "8 701 123"))).containsExactly(
          "Почта: неверный адрес электронной почты",
          "Телефон: неверный номер телефона: нужен международный формат, например +77011234567");
      assertThat(texts(f, vars("mail", "a@b"))).as("a domain needs a dot").hasSize(1);
    }

    @Test
    void limitsMayBeExpressions() {
      FormSchema f = form("{'key':'t','type':'textarea','label':'Текст','validate':{'minLength':'=minimum * 2'}}");
      assertThat(texts(f, vars("t", "abcde", "minimum", 5))).containsExactly("Текст: не короче 10 символов (введено 5)");
    }
  }

  @Nested
  class Numbers {

    static final String MONTHS = "{'key':'months','type':'number','label':'Срок, мес.',"
        + "'validate':{'required':true,'min':1,'max':120},'decimalDigits':0}";

    @Test
    void minMaxAndIntegers() {
      FormSchema f = form(MONTHS);
      assertThat(texts(f, vars("months", 12))).isEmpty();
      assertThat(texts(f, vars("months", "12"))).as("serializeToString numbers").isEmpty();
      assertThat(texts(f, vars("months", 0L))).containsExactly("Срок, мес.: не меньше 1");
      assertThat(texts(f, vars("months", 121.0))).containsExactly("Срок, мес.: не больше 120");
      assertThat(texts(f, vars("months", 1.5))).containsExactly("Срок, мес.: должно быть целым числом");
      assertThat(texts(f, vars("months", "двенадцать"))).containsExactly("Срок, мес.: должно быть числом");
      assertThat(texts(f, vars("months", null))).containsExactly("Срок, мес.: обязательное поле");
    }

    @Test
    void decimalDigitsAndIncrement() {
      FormSchema f = form("{'key':'rate','type':'number','label':'Ставка','decimalDigits':2,'increment':'0.25'}");
      assertThat(texts(f, vars("rate", 12.5))).isEmpty();
      assertThat(texts(f, vars("rate", 12.125))).containsExactly("Ставка: не больше 2 знаков после запятой",
          "Ставка: должно быть кратно 0.25");
      assertThat(texts(f, vars("rate", 12.1))).containsExactly("Ставка: должно быть кратно 0.25");
    }
  }

  @Nested
  class Choices {

    static final String OUTCOME = "{'key':'answerOutcome','type':'select','label':'Результат рассмотрения',"
        + "'values':[{'label':'Удовлетворено','value':'SATISFIED'},{'label':'Дано разъяснение','value':'EXPLAINED'}],"
        + "'validate':{'required':true}}";

    @Test
    void aSelectAcceptsOnlyItsOptionsAndNamesThemInWords() {
      FormSchema f = form(OUTCOME);
      assertThat(texts(f, vars("answerOutcome", "EXPLAINED"))).isEmpty();
      assertThat(texts(f, vars("answerOutcome", "MAYBE"))).containsExactly("Результат рассмотрения: недопустимое "
          + "значение; выберите из списка: Удовлетворено, Дано разъяснение");
      assertThat(texts(f, vars())).containsExactly("Результат рассмотрения: выберите значение");
    }

    @Test
    void aRadioOfStringBooleansAcceptsBooleansOfTheApi() {
      FormSchema f = form("{'key':'approved','type':'radio','label':'Решение','validate':{'required':true},"
          + "'values':[{'label':'Согласовать','value':'true'},{'label':'Вернуть','value':'false'}]}");
      assertThat(texts(f, vars("approved", true))).isEmpty();
      assertThat(texts(f, vars("approved", "false"))).isEmpty();
      assertThat(texts(f, vars("approved", "maybe"))).hasSize(1);
    }

    @Test
    void checklistsAsTasklistJavaAndJsonSendThem() {
      FormSchema f = form("{'key':'options','type':'checklist','label':'Варианты','validate':{'required':true},"
          + "'values':[{'label':'Отсрочка','value':'DEFERRAL'},{'label':'Снижение ставки','value':'RATE'}]}");
      assertThat(texts(f, vars("options", List.of("RATE", "DEFERRAL")))).isEmpty();
      assertThat(texts(f, vars("options", "[\"RATE\"]"))).isEmpty();
      assertThat(texts(f, vars("options", Variables.serializedObjectValue("[\"DEFERRAL\"]")
          .serializationDataFormat("application/json").create()))).as("Tasklist's Json variable").isEmpty();
      assertThat(texts(f, vars("options", List.of("RATE", "WRITE_OFF")))).containsExactly(
          "Варианты: недопустимое значение; выберите из списка: Отсрочка, Снижение ставки");
      assertThat(texts(f, vars("options", List.of()))).containsExactly("Варианты: выберите значение");
    }

    @Test
    void dynamicOptionsFromAVariableAndFromAnExpression() {
      FormSchema byKey = form("{'key':'unit','type':'select','label':'Подразделение','valuesKey':'units'}");
      Map<String, Object> units = vars("units", List.of(Map.of("label", "Юристы", "value", "legal"), "marketing"));
      assertThat(texts(byKey, vars("unit", "legal", "units", units.get("units")))).isEmpty();
      assertThat(texts(byKey, vars("unit", "marketing", "units", units.get("units")))).isEmpty();
      assertThat(texts(byKey, vars("unit", "hr", "units", units.get("units")))).containsExactly(
          "Подразделение: недопустимое значение; выберите из списка: Юристы, marketing");
      assertThat(texts(byKey, vars("unit", "legal"))).containsExactly(
          "Подразделение: недопустимое значение: в форме нет вариантов для выбора");

      FormSchema byExpression = form("{'key':'tags','type':'taglist','label':'Метки',"
          + "'valuesExpression':'=for t in allowed return {label: upper case(t), value: t}'}");
      assertThat(texts(byExpression, vars("tags", List.of("a"), "allowed", List.of("a", "b")))).isEmpty();
      assertThat(texts(byExpression, vars("tags", List.of("c"), "allowed", List.of("a", "b")))).containsExactly(
          "Метки: недопустимое значение; выберите из списка: A, B");
    }

    @Test
    void aRequiredCheckboxMustBeTicked() {
      FormSchema f = form("{'key':'originalMarked','type':'checkbox','label':'Номер проставлен на оригинале',"
          + "'validate':{'required':true}}");
      assertThat(texts(f, vars("originalMarked", true))).isEmpty();
      assertThat(texts(f, vars("originalMarked", "true"))).isEmpty();
      assertThat(texts(f, vars("originalMarked", false))).containsExactly(
          "Номер проставлен на оригинале: отметьте этот пункт");
      assertThat(texts(f, vars("originalMarked", "да"))).containsExactly(
          "Номер проставлен на оригинале: ожидается отметка «да» или «нет»");
    }
  }

  @Nested
  class Dates {

    @Test
    void eachSubtypeHasItsFormat() {
      FormSchema f = form(
          "{'key':'d','type':'datetime','subtype':'date','dateLabel':'Дата звонка','validate':{'required':true}}",
          "{'key':'t','type':'datetime','subtype':'time','timeLabel':'Время','timeSerializingFormat':'utc_offset'}",
          "{'key':'dt','type':'datetime','subtype':'datetime','dateLabel':'Получено','timeLabel':'Время'}");
      assertThat(texts(f, vars("d", "2026-11-20", "t", "10:30+03:00", "dt", "2026-11-20T10:30"))).isEmpty();
      assertThat(texts(f, vars("d", new Date(), "t", "10:30", "dt", "2026-11-20T07:30:00Z"))).isEmpty();
      assertThat(texts(f, vars("d", "20.11.2026", "t", "half past ten", "dt", "2026-11-20"))).containsExactly(
          "Дата звонка: неверная дата, нужен формат ГГГГ-ММ-ДД", "Время: неверное время, нужен формат ЧЧ:ММ",
          "Получено: неверные дата и время, нужен формат ГГГГ-ММ-ДДTЧЧ:ММ");
      assertThat(texts(f, vars())).containsExactly("Дата звонка: обязательное поле");
    }

    @Test
    void passedDatesWhenTheFormDisallowsThem() {
      FormSchema f = form("{'key':'d','type':'datetime','subtype':'date','dateLabel':'Срок',"
          + "'disallowPassedDates':true}");
      assertThat(texts(f, vars("d", "2026-11-20"))).isEmpty();
      assertThat(texts(f, vars("d", "2026-11-19"))).containsExactly("Срок: дата не может быть раньше сегодняшней");
    }
  }

  @Nested
  class Conditions {

    static final String DECISION = "{'key':'approved','type':'radio','label':'Решение',"
        + "'values':[{'label':'Да','value':'true'},{'label':'Нет','value':'false'}]}";
    static final String COMMENT = "{'key':'approvalComment','type':'textarea','label':'Замечания',"
        + "'validate':{'required':true,'minLength':5},'conditional':{'hide':'=approved != \\\"false\\\"'}}";

    @Test
    void aHiddenFieldIsNeitherRequiredNorChecked() {
      FormSchema f = form(DECISION, COMMENT);
      assertThat(texts(f, vars("approved", "true"))).isEmpty();
      assertThat(texts(f, vars("approved", true, "approvalComment", "x"))).as("what it sends is not checked")
          .isEmpty();
      assertThat(texts(f, vars("approved", "false"))).containsExactly("Замечания: обязательное поле");
      assertThat(texts(f, vars("approved", false, "approvalComment", "x"))).containsExactly(
          "Замечания: не короче 5 символов (введено 1)");
    }

    @Test
    void aHiddenGroupHidesItsFields() {
      FormSchema f = form("{'type':'group','label':'Адрес','conditional':{'hide':'=not(byPost)'},'components':["
          + "{'key':'postalCode','type':'textfield','label':'Индекс','validate':{'required':true}}]}",
          "{'key':'byPost','type':'checkbox','label':'Почтой'}");
      assertThat(texts(f, vars("byPost", false))).isEmpty();
      assertThat(texts(f, vars("byPost", "true"))).containsExactly("Индекс: обязательное поле");
    }

    @Test
    void aConditionThatFailsToEvaluateLeavesTheFieldChecked() {
      FormSchema f = form("{'key':'t','type':'textfield','label':'Т','validate':{'required':true},"
          + "'conditional':{'hide':'=this is not feel ((('}}");
      assertThat(texts(f, vars())).containsExactly("Т: обязательное поле");
    }
  }

  @Nested
  class DisplayFields {

    @Test
    void readOnlyAndDisabledFieldsAreNotInput() {
      FormSchema f = form("{'key':'appealNumber','type':'textfield','label':'Номер','readonly':true,"
              + "'validate':{'required':true}}",
          "{'key':'receivedAt','type':'datetime','subtype':'date','dateLabel':'Получено','disabled':true,"
              + "'validate':{'required':true}}",
          "{'key':'note','type':'textfield','label':'Примечание','readonly':'=locked','validate':{'required':true}}");
      assertThat(texts(f, vars("locked", true))).isEmpty();
      assertThat(texts(f, vars("locked", false))).containsExactly("Примечание: обязательное поле");
      assertThat(RULES.displayFields(f, vars("locked", true))).containsExactly("appealNumber", "receivedAt", "note");
      assertThat(RULES.displayFields(f, vars("locked", false))).containsExactly("appealNumber", "receivedAt");
    }
  }

  @Nested
  class Structure {

    @Test
    void groupsWithAPathAndDynamicListsAreWalked() {
      FormSchema f = form("{'type':'group','label':'Адрес','path':'address','components':["
              + "{'key':'city','type':'textfield','label':'Город','validate':{'required':true}}]}",
          "{'type':'dynamiclist','label':'Платежи','path':'payments','components':["
              + "{'key':'amount','type':'number','label':'Сумма','validate':{'min':1}},"
              + "{'key':'reason','type':'textfield','label':'Основание','validate':{'required':true},"
              + "'conditional':{'hide':'=amount < 1000'}}]}");
      Map<String, Object> ok = vars("address", Map.of("city", "Алматы"),
          "payments", List.of(Map.of("amount", 500), Map.of("amount", 5000, "reason", "договор")));
      assertThat(texts(f, ok)).isEmpty();
      Map<String, Object> bad = vars("address", Map.of(),
          "payments", List.of(Map.of("amount", 0), Map.of("amount", 5000)));
      assertThat(RULES.check(f, bad)).extracting(FieldProblem::field, FieldProblem::text).containsExactly(
          org.assertj.core.groups.Tuple.tuple("address.city", "Город: обязательное поле"),
          org.assertj.core.groups.Tuple.tuple("payments[0].amount", "Платежи, строка 1 — Сумма: не меньше 1"),
          org.assertj.core.groups.Tuple.tuple("payments[1].reason", "Платежи, строка 2 — Основание: обязательное поле"));
    }

    @Test
    void dottedKeysReadNestedJsonVariables() throws Exception {
      FormSchema f = form("{'key':'client.email','type':'textfield','label':'Почта',"
          + "'validate':{'required':true,'validationType':'email'}}");
      Object json = new ObjectMapper().readTree("{\"email\":\"нет\"}");
      assertThat(texts(f, vars("client", json))).containsExactly("Почта: неверный адрес электронной почты");
    }

    @Test
    void everyProblemOfTheSubmissionAtOnceInTheOrderOfTheFormAndVariablesNotOnTheFormIgnored() {
      FormSchema f = form(Choices.OUTCOME, ANSWER);
      assertThat(texts(f, vars("answerOutcome", "MAYBE", "answerText", "коротко", "somethingElse", List.of(1))))
          .containsExactly("Результат рассмотрения: недопустимое значение; выберите из списка: Удовлетворено, "
              + "Дано разъяснение", "Текст ответа клиенту: не короче 60 символов (введено 7)");
      assertThat(FormRefusedException.sentence(RULES.check(f, vars()))).isEqualTo(
          "Результат рассмотрения: выберите значение; Текст ответа клиенту: обязательное поле");
    }

    @Test
    void labelsAreFoundForFieldKeysOfAnyDepth() {
      FormSchema f = form(ANSWER, "{'type':'dynamiclist','label':'Платежи','path':'payments','components':["
          + "{'key':'amount','type':'number','label':'Сумма'}]}");
      assertThat(f.labelOf("answerText")).hasValue("Текст ответа клиенту");
      assertThat(f.labelOf("payments[3].amount")).hasValue("Сумма");
      assertThat(f.labelOf("conclusions")).isEmpty();
    }
  }
}

package ru.appealdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.appealdesk.appeal.AppealQueries;
import ru.appealdesk.appeal.AppealView;
import ru.appealdesk.casefile.CaseDocument;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.support.AbstractIntegrationTest;

/** The public pages over real HTTP: what a client gets, and what a misbehaving one does not. */
class ClientPagesTest extends AbstractIntegrationTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
  static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
  private static final Pattern LOCATION = Pattern.compile("/status/([A-Z]{2}-\\d{4}-\\d{6})\\?token=([A-Za-z0-9_-]+)");

  @Autowired
  AppealQueries appeals;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  CaseFile caseFile;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ObjectMapper json;
  @Autowired
  ru.appealdesk.appeal.AppealVocabulary vocabulary;

  private final List<String> created = new java.util.ArrayList<>();

  @AfterEach
  void endCases() {
    created.forEach(n -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(n).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "client page test finished")));
    created.clear();
  }

  PublicVisitor visitor() {
    return new PublicVisitor(baseUrl());
  }

  /** A complete complaint (every mandatory detail: registered without an employee). */
  static PublicVisitor.Multipart complaint(String token, String email) {
    return new PublicVisitor.Multipart()
        .field("formToken", token)
        .field("type", "COMPLAINT").field("subject", "LOAN_TERMS")
        .field("text", "Мне начислили пени сверх условий договора.")
        .field("demand", "Пересчитать задолженность")
        .field("situationPlace", "офис на ул. Ленина").field("situationAt", "2026-01-15T12:00")
        .field("fullName", "Петрова Анна Сергеевна").field("phone", "+7 900 111-22-33").field("email", email)
        .field("postalCode", "300000").field("postalAddress", "г. Тула, ул. Мира, д. 5")
        .field("idDocument", "45 08 " + (100000 + (int) (Math.random() * 899999)))
        .field("consent", "yes");
  }

  record Submitted(String number, String token, String location) {}

  Submitted submitted(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    String location = r.headers().firstValue("Location").orElseThrow();
    Matcher m = LOCATION.matcher(location);
    assertThat(m.find()).as(location).isTrue();
    created.add(m.group(1));
    return new Submitted(m.group(1), m.group(2), location);
  }

  @Test
  void theFormIsARussianPhoneReadyCompanyPageWithNamesNotCodes() {
    PublicVisitor v = visitor();
    HttpResponse<String> r = v.get("/appeal");

    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body();
    assertThat(html).contains("<html lang=\"ru\"")
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .contains("ООО МКК «Надёжный заём»").contains("8 800 000-00-00").contains("appeals@example.ru")
        .contains("Подать обращение").contains(">Жалоба<").contains(">Условия договора займа (срок, проценты, пени)<")
        .contains("Я даю согласие ООО МКК «Надёжный заём» на обработку моих персональных данных")
        .contains("enctype=\"multipart/form-data\"").contains("name=\"formToken\"");
    assertThat(html).doesNotContain(">COMPLAINT<").doesNotContain(">LOAN_TERMS<");
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(PublicPagesFilter.CSP);
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
        .startsWith(FormTokens.COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax"));

    HttpResponse<String> css = v.send(v.request("/client/site.css").GET());
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains(".site-header");
  }

  @Test
  void kazakhPageIsTheKazakhCompanysInKazakh() {
    HttpResponse<String> r = visitor().get("/appeal?lang=kk");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<html lang=\"kk\"").contains("Өтінішті жіберу").contains(">Шағым<")
        .contains("«Сенім Кредит» МҚҰ ЖШС").contains("Алматы қ., Абай даңғылы, 1")
        .contains("action=\"/appeal?lang=kk\"").contains("href=\"/appeal?jurisdiction=KZ\"");
    assertThat(visitor().get("/appeal?jurisdiction=KZ").body()).contains("<html lang=\"ru\"")
        .contains("ТОО «МФО Сенім Кредит»").contains("на сбор и обработку");
  }

  @Test
  void aComplaintIsTakenInWithItsConsentAndFileAndTheClientGetsTheNumberAndTheLinkAtOnce() throws Exception {
    PublicVisitor v = visitor();
    String token = PublicVisitor.formToken(v.get("/appeal").body());
    String email = "anna-" + System.nanoTime() + "@example.test";

    Submitted s = submitted(v.post("/appeal", complaint(token, email)
        .file("files", "договор.png", "application/octet-stream", PNG)));

    assertThat(s.number()).matches("RU-\\d{4}-\\d{6}");
    assertThat(s.location()).endsWith("&accepted=1&mail=1");
    HttpResponse<String> page = v.get(s.location());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Обращение принято")
        .contains("Номер вашего обращения: <strong class=\"nowrap\">" + s.number() + "</strong>")
        .contains(baseUrl() + "/status/" + s.number() + "?token=" + s.token())
        .contains("Статус: Готовится ответ").contains("Условия договора займа")
        .doesNotContain("Петрова").doesNotContain(email);

    AppealView appeal = appeals.view(s.number());
    assertThat(appeal.channel()).isEqualTo("WEBSITE");
    assertThat(appeal.language()).isEqualTo("ru");
    assertThat(appeal.client().email()).isEqualTo(email);
    assertThat(appeal.situationAt()).isEqualTo("2026-01-15T12:00:00+03:00");
    var consent = jdbc.sql("select consent_version, language, channel, given_at from client_consent "
        + "where case_number = :n").param("n", s.number()).query((rs, i) -> List.of(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getTimestamp(4).toInstant().toString())).single();
    assertThat(consent.subList(0, 3)).containsExactly("2026-01", "ru", "WEBSITE");
    List<CaseDocument> documents = caseFile.list(s.number());
    assertThat(documents).singleElement().satisfies(d -> {
      assertThat(d.contentType()).as("detected by its bytes, not the browser's claim").isEqualTo("image/png");
      assertThat(d.fileName()).isEqualTo("договор.png");
      assertThat(d.uploadedBy()).isEqualTo("client");
    });

    MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> subject(m).equals("Обращение № " + s.number() + " получено")).findFirst().orElse(null),
        m -> m != null);
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
    assertThat((String) mail.getContent()).contains("/status/" + s.number() + "?token=" + s.token())
        .contains("Уважаемый(ая) Петрова Анна Сергеевна!");
  }

  @Test
  void everyTypeTheFormOffersIsTakenIn() {
    for (var type : vocabulary.types()) {
      var subjects = vocabulary.subjects("RU", type.code());
      PublicVisitor v = visitor();
      HttpResponse<String> r = v.post("/appeal", new PublicVisitor.Multipart()
          .field("formToken", PublicVisitor.formToken(v.get("/appeal").body()))
          .field("type", type.code()).field("subject", subjects.isEmpty() ? "" : subjects.get(0).code())
          .field("text", "Обращение вида " + type.ru()).field("fullName", "Орлов Илья").field("phone", "+7 900 1234567")
          .field("consent", "yes"));
      Submitted s = submitted(r);
      AppealView appeal = appeals.view(s.number());
      assertThat(appeal.type()).isEqualTo(type.code());
      assertThat(appeal.subject()).isEqualTo(subjects.isEmpty() ? null : subjects.get(0).code());
    }
  }

  @Test
  void theSameFormSentTwiceFilesOneAppeal() {
    PublicVisitor v = visitor();
    String token = PublicVisitor.formToken(v.get("/appeal").body());
    PublicVisitor.Multipart body = complaint(token, null);

    Submitted first = submitted(v.post("/appeal", body));
    Submitted second = submitted(v.post("/appeal", body));

    assertThat(second.number()).isEqualTo(first.number());
    assertThat(first.location()).as("no e-mail given: nothing promised").doesNotContain("mail=1");
  }

  @Test
  void everyFieldToCorrectIsNamedInTheClientsLanguageAndTheInputComesBackEscaped() {
    PublicVisitor v = visitor();
    String token = PublicVisitor.formToken(v.get("/appeal").body());

    HttpResponse<String> r = v.post("/appeal", new PublicVisitor.Multipart().field("formToken", token)
        .field("type", "APPLICATION").field("subject", "LOAN_TERMS").field("text", " ")
        .field("fullName", "<script>alert(1)</script>").field("email", "не-почта").field("postalCode", "12")
        .field("situationAt", "2999-01-01T10:00"));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Пожалуйста, проверьте:")
        .contains("Тема: Выберите тему из группы выбранного вида обращения.")
        .contains("Текст: Заполните это поле.")
        .contains("Электронная почта: Проверьте адрес электронной почты")
        .contains("Индекс: от 6 до 10 цифр или латинских букв.")
        .contains("Дата и время: Укажите дату и время в прошлом")
        .contains("Согласие: Без согласия на обработку персональных данных мы не можем принять обращение.")
        .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"").doesNotContain("<script>alert(1)")
        .contains("<option value=\"APPLICATION\" data-subjects=\"12\" selected=\"selected\">");

    HttpResponse<String> kk = v.post("/appeal?lang=kk", new PublicVisitor.Multipart()
        .field("formToken", PublicVisitor.formToken(v.get("/appeal?lang=kk").body()))
        .field("type", "REVIEW").field("text", "Рақмет!").field("fullName", "Ахметов Ерлан").field("consent", "yes"));
    assertThat(kk.statusCode()).isEqualTo(400);
    assertThat(kk.body()).contains("Телефон: Телефон нөмірін немесе электрондық поштаны көрсетіңіз.")
        .doesNotContain("Тақырыбы:");
  }

  @Test
  void aPostWithoutTheFormsTokenOrFromAnotherBrowserIsRefusedButTheInputIsKept() {
    PublicVisitor v = visitor();
    HttpResponse<String> none = v.post("/appeal", complaint(null, null));
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.body()).contains("Форма устарела").contains("value=\"Петрова Анна Сергеевна\"")
        .contains("name=\"formToken\"");

    String othersToken = PublicVisitor.formToken(visitor().get("/appeal").body());
    v.get("/appeal"); // this browser has its own cookie
    HttpResponse<String> foreign = v.post("/appeal", complaint(othersToken, null));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void filesAreJudgedByTheirBytesAndCountedAndWeighed() {
    PublicVisitor v = visitor();
    String token = PublicVisitor.formToken(v.get("/appeal").body());

    HttpResponse<String> exe = v.post("/appeal", complaint(token, null)
        .file("files", "скан.pdf", "application/pdf", EXE));
    assertThat(exe.statusCode()).isEqualTo(400);
    assertThat(exe.body()).contains("Файл «скан.pdf» не принят: подходят PDF, JPG, PNG, TIFF, DOCX, XLSX или TXT.");

    PublicVisitor.Multipart six = complaint(PublicVisitor.formToken(exe.body()), null);
    for (int i = 0; i < 6; i++) {
      six.file("files", "p" + i + ".png", "image/png", PNG);
    }
    HttpResponse<String> many = v.post("/appeal", six);
    assertThat(many.statusCode()).isEqualTo(400);
    assertThat(many.body()).contains("Можно приложить не больше 5 файлов.");

    byte[] big = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
    HttpResponse<String> heavy = v.post("/appeal", complaint(PublicVisitor.formToken(many.body()), null)
        .file("files", "big.png", "image/png", big));
    assertThat(heavy.statusCode()).isEqualTo(400);
    assertThat(heavy.body()).contains("Файл «big.png» больше 5 МБ.");
  }

  @Test
  void bodiesBeyondTheLimitOrWithoutALengthAreRefusedUnread() throws Exception {
    String head = "POST /appeal?lang=kk HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + visitor().address
        + "\r\nContent-Type: multipart/form-data; boundary=x\r\nAccept: text/html\r\n";
    String tooLarge = raw(head + "Content-Length: 17000000\r\nConnection: close\r\n\r\n");
    assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("Көлемі тым үлкен").contains("16 МБ");

    String chunked = raw(head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    assertThat(chunked).startsWith("HTTP/1.1 411");
  }

  @Test
  void formPostsOfOneAddressAreLimitedOthersAreNot() {
    PublicVisitor greedy = visitor();
    for (int i = 0; i < 10; i++) {
      assertThat(greedy.post("/appeal", new PublicVisitor.Multipart().field("text", "x")).statusCode())
          .isEqualTo(403);
    }
    HttpResponse<String> refused = greedy.post("/appeal", new PublicVisitor.Multipart().field("text", "x"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s))
        .isBetween(1L, 600L));
    assertThat(refused.body()).contains("Слишком много попыток");
    assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();

    assertThat(greedy.get("/appeal").statusCode()).as("reading the form is not limited").isEqualTo(200);
    assertThat(visitor().post("/appeal", new PublicVisitor.Multipart().field("text", "x")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void wrongTokensGetAFriendlyPageThenTheAddressIsBlockedWhileJsonStaysJson() throws Exception {
    PublicVisitor v = visitor();
    Submitted s = submitted(v.post("/appeal", complaint(PublicVisitor.formToken(v.get("/appeal").body()), null)));
    PublicVisitor guesser = visitor();

    HttpResponse<String> wrong = guesser.get("/status/" + s.number() + "?token=guess");
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.headers().firstValue("Content-Type"))
        .hasValueSatisfying(c -> assertThat(c).startsWith("text/html"));
    assertThat(wrong.body()).contains("Обращение не найдено").contains("ООО МКК «Надёжный заём»")
        .doesNotContain("\"status\":404");
    HttpResponse<String> wrongJson = guesser.getJson("/status/" + s.number() + "?token=guess");
    assertThat(wrongJson.statusCode()).isEqualTo(404);
    assertThat(json.readTree(wrongJson.body()).get("status").asInt()).isEqualTo(404);
    for (int i = 0; i < 8; i++) {
      assertThat(guesser.get("/status/" + s.number() + "?token=guess" + i).statusCode()).isEqualTo(404);
    }

    HttpResponse<String> blocked = guesser.get(s.location());
    assertThat(blocked.statusCode()).as("even the right token, once guessing").isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    assertThat(guesser.getJson(s.location()).headers().firstValue("Content-Type"))
        .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
    assertThat(v.get(s.location()).statusCode()).as("the client's own address is not affected").isEqualTo(200);

    HttpResponse<String> ok = v.getJson(s.location());
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode status = json.readTree(ok.body());
    assertThat(status.get("number").asText()).isEqualTo(s.number());
    assertThat(status.get("statusText").asText()).isEqualTo("Готовится ответ");
    assertThat(ok.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void theClientAnswersTheInformationRequestWithTextAndAFileOnTheStatusPage() throws Exception {
    PublicVisitor v = visitor();
    PublicVisitor.Multipart incomplete = new PublicVisitor.Multipart()
        .field("formToken", PublicVisitor.formToken(v.get("/appeal").body()))
        .field("type", "COMPLAINT").field("subject", "EMPLOYEE_CONDUCT")
        .field("text", "Сотрудник офиса был груб.").field("fullName", "Сидоров Олег").field("phone", "+7 900 000-11-22")
        .field("consent", "yes");
    Submitted s = submitted(v.post("/appeal", incomplete));
    Task register = taskService.createTaskQuery().processInstanceBusinessKey(s.number()).singleResult();
    assertThat(register.getTaskDefinitionKey()).isEqualTo("Task_RegisterAppeal");
    taskService.complete(register.getId(), Map.of("originalMarked", true));
    Task request = taskService.createTaskQuery().processInstanceBusinessKey(s.number()).singleResult();
    taskService.complete(request.getId(), Map.of("informationRequestText", "Укажите, в каком офисе и когда это было."));

    HttpResponse<String> page = v.get("/status/" + s.number() + "?token=" + s.token());
    assertThat(page.body()).contains("Статус: Запрошена дополнительная информация")
        .contains("Нам нужна дополнительная информация").contains("Укажите, в каком офисе и когда это было.")
        .contains("action=\"/status/" + s.number() + "/information?lang=ru\"");

    HttpResponse<String> empty = v.post("/status/" + s.number() + "/information?lang=ru", new PublicVisitor.Multipart()
        .field("formToken", PublicVisitor.formToken(page.body())).field("token", s.token()).field("text", ""));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Текст: Заполните это поле.");

    HttpResponse<String> sent = v.post("/status/" + s.number() + "/information?lang=ru", new PublicVisitor.Multipart()
        .field("formToken", PublicVisitor.formToken(empty.body())).field("token", s.token())
        .field("text", "Офис на ул. Ленина, 15 января около 12:00.")
        .file("files", "чек.png", "image/png", PNG));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("&sent=1"));

    AppealView appeal = appeals.view(s.number());
    assertThat(appeal.status()).isNotEqualTo("INFORMATION_REQUESTED");
    assertThat(appeal.information()).singleElement().satisfies(i -> {
      assertThat(i.note()).isEqualTo("Офис на ул. Ленина, 15 января около 12:00.");
      CaseDocument file = caseFile.list(s.number()).get(0);
      assertThat(i.attachments()).isEqualTo(Long.toString(file.id()));
      assertThat(file.uploadedBy()).isEqualTo("client");
    });
    HttpResponse<String> after = v.get(URLDecoder.decode(sent.headers().firstValue("Location").get(),
        StandardCharsets.UTF_8));
    assertThat(after.body()).contains("Спасибо! Ваш ответ получен").doesNotContain("name=\"text\"")
        .contains("Дополнительная информация получена");

    HttpResponse<String> again = v.post("/status/" + s.number() + "/information", new PublicVisitor.Multipart()
        .field("formToken", PublicVisitor.formToken(page.body())).field("token", s.token()).field("text", "ещё"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("Сейчас дополнительная информация по обращению не требуется.");
  }

  @Test
  void aKazakhAppealIsFollowedInKazakhAndMayBeReadInRussian() throws Exception {
    PublicVisitor v = visitor();
    Submitted s = submitted(v.post("/appeal?lang=kk", complaint(
        PublicVisitor.formToken(v.get("/appeal?lang=kk").body()), null)));
    assertThat(s.number()).startsWith("KZ-");
    assertThat(appeals.view(s.number()).language()).isEqualTo("kk");

    String page = v.get(s.location()).body();
    assertThat(page).contains("<html lang=\"kk\"").contains("<title>№ " + s.number() + " өтініш")
        .contains("Мәртебесі: ").contains("Өтініш алынды").contains("«Сенім Кредит» МҚҰ ЖШС")
        .contains("Шағым, ").contains("(Алматы)");
    JsonNode status = json.readTree(v.getJson(s.location()).body());
    assertThat(status.get("typeText").asText()).isEqualTo("Шағым");
    assertThat(status.get("history").get(0).get("statusText").asText()).isEqualTo("Өтініш алынды");
    assertThat(v.get(s.location() + "&lang=ru").body()).contains("<html lang=\"ru\"").contains("Статус: ");
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }

  /** Sends a hand-made request and reads the response (headers, then Content-Length bytes) without sending a body. */
  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.write(b);
      }
      String headers = head.toString(StandardCharsets.ISO_8859_1);
      Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
      byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
      return headers + new String(body, StandardCharsets.UTF_8);
    }
  }
}

package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 18: answers and letters on the company letterhead, signed with the signatory's position and full name —
 * checked in the PDF's text and looked at as PNG images ({@code target/letters/}).
 */
class AnswerLetterRenderingTest extends AbstractIntegrationTest {

  static final Path OUT = Path.of("target", "letters");
  static final String PROCESS = "test-signed-answer-by-email";

  @Autowired
  LetterDocuments documents;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  ObjectMapper json;

  @BeforeEach
  void deployProcess() throws IOException {
    Files.createDirectories(OUT);
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      var model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
          .startEvent()
          .userTask("Task_ApproveAnswer").camundaCandidateGroups("general-director")
          .serviceTask("Task_DeliverByEmail").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R5/PT5M")
            .camundaDelegateExpression("${deliverAnswerByEmail}")
          .userTask("Task_AfterDelivery")
          .endEvent().done();
      repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
    }
  }

  @Test
  void russianAnswerShowsTheCompanyProfileAndTheSignatorysPositionAndName() throws Exception {
    String number = "RU-2026-" + unique();
    var answer = documents.answer(new AnswerEmail(number, "COMPLAINT", "ru", "petrova@example.test",
        "Петрова Анна Сергеевна", "Ваша жалоба удовлетворена: неустойка списана, кредитная история исправлена.", "RU",
        120_000, "director"), LocalDate.of(2026, 12, 15));

    try (PDDocument doc = Loader.loadPDF(answer.pdf())) {
      String text = text(doc);
      assertThat(text).contains("ООО МКК «Пример Финанс»")
          .contains("ИНН 7709123453 · ОГРН 1197746123453 · Номер записи в государственном реестре МФО 1903045009373")
          .contains("Юридический адрес: 125009, г. Москва, ул. Примерная, д. 1, офис 101")
          .contains("Почтовый адрес: 125009, г. Москва, а/я 15")
          .contains("Тел. +7 800 000-00-00 · E-mail: obrashcheniya@primer-finance.example · Сайт: primer-finance.example")
          .contains("Дата: 15.12.2026").contains("К делу № " + number)
          .contains("Петрова Анна Сергеевна").contains("E-mail: petrova@example.test")
          .contains("Ответ на жалобу № " + number).contains("неустойка списана")
          .contains("финансовому уполномоченному").contains("120 000 руб.")
          .contains("Генеральный директор Геннадий Директоров")
          .doesNotContain("Подписано").doesNotContain("Appeal Desk").doesNotContain("Страница");
      assertThat(text.indexOf("С уважением,")).isLessThan(text.indexOf("Генеральный директор"));
      assertThat(images(doc)).as("the logo").isEqualTo(1);

      BufferedImage page = png(doc, 0, "answer-ru.png");
      // the logo heads the page on the left: its blue square is there, the paper around it is white
      assertThat(blue(page.getRGB(scale(page, 63), scale(page, 76)))).isTrue();
      assertThat(page.getRGB(scale(page, 30), scale(page, 30)) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
    assertThat(answer.companyName()).isEqualTo("ООО МКК «Пример Финанс»");
    assertThat(answer.email().body()).contains("С уважением,\nГенеральный директор\nГеннадий Директоров\n"
        + "ООО МКК «Пример Финанс»");
  }

  @Test
  void kazakhLetterIsInKazakhThroughoutWithKazakhLettersRendered() throws Exception {
    String number = "KZ-2026-" + unique();
    byte[] letter = documents.letter("KZ", "kk", number, "ANSWER", "№ " + number + " өтінішке жауап",
        "Сіздің өтінішіңіз қаралды. Өтініш бойынша қарыз қайта есептелді, айыппұл алынып тасталды.",
        "Ахметов Ерлан", "050000, Алматы қ., Абай даңғылы, 10, 5-пәтер", "OUT-2026-000123",
        LocalDate.of(2026, 12, 15), "rightsofficer");
    var answer = documents.answer(new AnswerEmail(number, "COMPLAINT", "kk", "akhmetov@example.test",
        "Ахметов Ерлан", "Шағымыңыз қанағаттандырылды, айыппұл алынып тасталды.", "KZ", null, "rightsofficer"),
        LocalDate.of(2026, 12, 15));

    Set<String> russian = russianTemplateWords();
    assertThat(russian).as("the check has something to look for").contains("уважением", "исх", "юридический",
        "страница", "омбудсману");
    for (byte[] pdf : List.of(letter, answer.pdf())) {
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        String text = text(doc);
        assertThat(text).contains("«Мысал Кредит» МҚҰ ЖШС").contains("БСН 210140001232")
            .contains("ҚНРДА 2021 жылғы 1 ақпандағы № 02.21.0000.М лицензиясы")
            .contains("Заңды мекенжайы: 050000, Алматы қ., Мысал даңғылы, 1-үй, 5-кеңсе")
            .contains("Клиенттердің құқықтарын қорғау жөніндегі лауазымды тұлға").contains("Айгерим Правова")
            .contains("Құрметпен,");
        assertThat(words(text)).as("no Russian word of the templates in a Kazakh letter").doesNotContainAnyElementsOf(
            russian);
      }
    }
    try (PDDocument doc = Loader.loadPDF(letter)) {
      assertThat(text(doc)).contains("Шығыс № OUT-2026-000123, 15.12.2026").contains("№ " + number + " іс бойынша")
          .contains("Құрметті Ахметов Ерлан!").contains("ә").contains("ғ").contains("қ").contains("ң").contains("ө")
          .contains("ұ").contains("ү").contains("і");
      png(doc, 0, "letter-kk.png");
    }
    try (PDDocument doc = Loader.loadPDF(answer.pdf())) {
      assertThat(text(doc)).contains("микроқаржы омбудсманына").contains("ҚНРДА").contains("Күні: 15.12.2026");
      png(doc, 0, "answer-kk.png");
    }
    assertThat(words(answer.email().subject() + " " + answer.email().body())).doesNotContainAnyElementsOf(russian);
  }

  @Test
  void aLetterOfSeveralPagesNumbersEachPageAndKeepsTheSignatureOnTheLast() throws Exception {
    String paragraph = "Сообщаем, что по Вашему обращению проведена проверка начислений по договору займа. ".repeat(12);
    byte[] pdf = documents.letter("RU", "ru", "RU-2026-" + unique(), "NOTICE", "О результатах проверки",
        (paragraph + "\n\n").repeat(9).strip(), "Иванов Иван Иванович", "300000, г. Тула, ул. Ленина, д. 1, кв. 2",
        "OUT-2026-000777", LocalDate.of(2026, 12, 15), "regionhead");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      assertThat(pages).isGreaterThan(1);
      for (int p = 1; p <= pages; p++) {
        assertThat(text(doc, p)).contains("Страница " + p + " из " + pages);
      }
      assertThat(text(doc, pages)).contains("Директор региональной сети Роман Регионов");
      assertThat(text(doc, 1)).contains("Исх. № OUT-2026-000777 от 15.12.2026").doesNotContain("Роман Регионов");
      png(doc, 0, "letter-ru-page1.png");
      png(doc, pages - 1, "letter-ru-last-page.png");
    }
  }

  @Test
  void theEmailedAnswerIsSignedByWhoeverApprovedItOrBySignatoryTheProcessNames() throws Exception {
    String number = "RU-2026-" + unique();
    String email = "client-" + unique() + "@example.test";
    ProcessInstance approved = start(number, email, null);
    var task = taskService.createTaskQuery().processInstanceId(approved.getId()).singleResult();
    taskService.claim(task.getId(), "director");
    taskService.complete(task.getId());
    managementService.executeJob(managementService.createJobQuery().processInstanceId(approved.getId())
        .singleResult().getId());

    MimeMessage mail = mailTo(email);
    Multipart parts = (Multipart) mail.getContent();
    assertThat(((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getPersonal())
        .isEqualTo("ООО МКК «Пример Финанс»");
    assertThat(bodyText(parts)).contains("Генеральный директор\nГеннадий Директоров");
    try (PDDocument doc = Loader.loadPDF(attachment(parts))) {
      assertThat(text(doc)).contains("Генеральный директор Геннадий Директоров").contains("ООО МКК «Пример Финанс»");
    }

    String other = "RU-2026-" + unique();
    String otherEmail = "client-" + unique() + "@example.test";
    ProcessInstance named = start(other, otherEmail, "branchhead");
    var t2 = taskService.createTaskQuery().processInstanceId(named.getId()).singleResult();
    taskService.claim(t2.getId(), "director");
    taskService.complete(t2.getId());
    managementService.executeJob(managementService.createJobQuery().processInstanceId(named.getId())
        .singleResult().getId());
    try (PDDocument doc = Loader.loadPDF(attachment((Multipart) mailTo(otherEmail).getContent()))) {
      assertThat(text(doc)).contains("Руководитель обособленного подразделения Борис Филиалов")
          .doesNotContain("Геннадий Директоров");
    }
  }

  @Test
  void anAnswerLetterReadsTheClaimAmountOfItsAppealToNameTheRemedy() throws Exception {
    String body = """
        {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL","language":"ru",
         "client":{"fullName":"Иванов Иван Иванович","email":"claim-%s@example.test","idDocument":"45 07 %d"},
         "content":"Начислены пени сверх условий договора.","demand":"Пересчитать задолженность"}
        """.formatted(unique(), 100000 + (int) (Math.random() * 899999));
    var created = Http.as(baseUrl(), "webmarketer", "demo").postJson("/api/appeals", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = json.readTree(created.body()).get("number").asText();
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();

    assertThat(letterText(number)).as("no amount: both, with the 500 000 condition")
        .contains("не превышают 500 000 рублей").contains("финансовому уполномоченному").contains("Банк России");
    runtimeService.setVariable(pi, "claimAmount", 750_000L);
    assertThat(letterText(number)).contains("Ваши требования (750 000 руб.) превышают 500 000 рублей")
        .contains("вправе обратиться в суд").doesNotContain("finombudsman.ru");
    runtimeService.setVariable(pi, "claimAmount", "499999.90");
    assertThat(letterText(number)).contains("Ваши требования (499 999,90 руб.) не превышают 500 000 рублей")
        .contains("finombudsman.ru");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private String letterText(String number) throws IOException {
    byte[] pdf = documents.letter(null, "ru", number, "ANSWER", "Ответ на обращение № " + number,
        "Начисления проверены, оснований для перерасчёта нет.", "Иванов Иван Иванович", "г. Тула", "OUT-2026-000001",
        LocalDate.of(2026, 12, 15), "lawyer");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return text(doc);
    }
  }

  private ProcessInstance start(String number, String email, String signatory) {
    var vars = new java.util.HashMap<String, Object>();
    vars.put("appealNumber", number);
    vars.put("appealType", "APPLICATION");
    vars.put("language", "ru");
    vars.put("jurisdiction", "RU");
    vars.put("clientEmail", email);
    vars.put("clientFullName", "Орлова Ольга");
    vars.put("answerText", "Справка об отсутствии задолженности приложена к ответу.");
    if (signatory != null) {
      vars.put(DeliverAnswerByEmail.SIGNATORY, signatory);
    }
    return runtimeService.startProcessInstanceByKey(PROCESS, number, vars);
  }

  private static MimeMessage mailTo(String email) throws Exception {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(email);
      } catch (Exception e) {
        return false;
      }
    }).findFirst().orElseThrow();
  }

  private static String bodyText(Multipart parts) throws Exception {
    for (int i = 0; i < parts.getCount(); i++) {
      Object content = parts.getBodyPart(i).getContent();
      if (content instanceof String s) {
        return s;
      }
      if (content instanceof Multipart nested) {
        return bodyText(nested);
      }
    }
    throw new AssertionError("no text part");
  }

  private static byte[] attachment(Multipart parts) throws Exception {
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.getFileName() != null) {
        try (InputStream in = part.getInputStream()) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError("no attachment");
  }

  /** Every word of the Russian texts the Kazakh letters are made of that their Kazakh texts do not use as well. */
  private static Set<String> russianTemplateWords() throws IOException {
    List<String> names = List.of("answer-pdf", "answer-pdf_COMPLAINT", "answer-email", "answer-remedies",
        "letter-pdf");
    Set<String> ru = new HashSet<>();
    Set<String> kk = new HashSet<>();
    for (String name : names) {
      ru.addAll(words(template("templates/" + name + "_ru.txt")));
      kk.addAll(words(template("templates/" + name + "_kk.txt")));
    }
    ru.addAll(words(template("templates/letter-layout_ru.properties").replaceAll("(?m)^[#\\w.]+=?", " ")));
    kk.addAll(words(template("templates/letter-layout_kk.properties").replaceAll("(?m)^[#\\w.]+=?", " ")));
    ru.removeAll(kk);
    return ru;
  }

  private static String template(String path) throws IOException {
    String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    return text.replaceAll("(?s)<#--.*?-->", " ").replaceAll("<[#/][^>]*>", " ").replaceAll("\\$\\{[^}]*}", " ");
  }

  private static final Pattern CYRILLIC_WORD = Pattern.compile("[\\p{IsCyrillic}]{3,}");

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    Matcher m = CYRILLIC_WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words.stream().collect(Collectors.toSet());
  }

  private static String text(PDDocument doc) throws IOException {
    return normalise(new PDFTextStripper().getText(doc));
  }

  private static String text(PDDocument doc, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return normalise(stripper.getText(doc));
  }

  /** Lines and no-break spaces of the layout become plain spaces, so a sentence reads as one. */
  private static String normalise(String text) {
    return text.replace('\u00A0', ' ').replaceAll("\\s+", " ");
  }

  private static long images(PDDocument doc) throws IOException {
    var resources = doc.getPage(0).getResources();
    long n = 0;
    for (var name : resources.getXObjectNames()) {
      if (resources.getXObject(name) instanceof PDImageXObject) {
        n++;
      }
    }
    return n;
  }

  private static BufferedImage png(PDDocument doc, int page, String file) throws IOException {
    BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 110);
    ImageIO.write(image, "png", OUT.resolve(file).toFile());
    return image;
  }

  private static int scale(BufferedImage image, float points) {
    return Math.round(points * image.getWidth() / 595.28f);
  }

  private static boolean blue(int rgb) {
    Color c = new Color(rgb);
    return c.getBlue() > 110 && c.getBlue() > c.getRed() + 60;
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}

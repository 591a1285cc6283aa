package ru.appealdesk.company;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.platform.NotFoundException;

/**
 * Profile {@code demo}: placeholder companies for RU and KZ (made-up names, valid check digits, reserved
 * {@code .example} domains) with a logo each, and the positions of the demo employees. Only what is missing is added, so
 * an administrator's changes survive restarts. Never active in production.
 */
@Component
@Profile("demo")
@Order(30)
class CompanyDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CompanyDemoData.class);
  private static final String BY = "demo-data";

  static final CompanyProfileRequest RU = new CompanyProfileRequest("ООО МКК", "Пример Финанс", "7709123453",
      "1197746123453", "1903045009373", null, null,
      "125009, г. Москва, ул. Примерная, д. 1, офис 101", "125009, г. Москва, а/я 15", "+7 800 000-00-00",
      "obrashcheniya@primer-finance.example", "primer-finance.example", null);

  static final CompanyProfileRequest KZ = new CompanyProfileRequest("ТОО МФО", "Мысал Кредит", null, null, null,
      "210140001232", "Лицензия АРРФР № 02.21.0000.М от 01.02.2021",
      "050000, г. Алматы, пр. Примерный, д. 1, офис 5", null, "+7 727 000-00-00",
      "otinish@mysal-kredit.example", "mysal-kredit.example",
      new CompanyProfile.Kazakh("МҚҰ ЖШС", "Мысал Кредит",
          "050000, Алматы қ., Мысал даңғылы, 1-үй, 5-кеңсе", null,
          "ҚНРДА 2021 жылғы 1 ақпандағы № 02.21.0000.М лицензиясы"));

  /** user id → position in Russian and in Kazakh (the demo users of {@code identity.DemoUsers}). */
  static final Map<String, String[]> POSITIONS = Map.ofEntries(
      Map.entry("branchhead", new String[] {"Руководитель обособленного подразделения",
          "Оқшауланған бөлімше басшысы"}),
      Map.entry("lawyer", new String[] {"Начальник юридического отдела", "Заң бөлімінің бастығы"}),
      Map.entry("marketer", new String[] {"Руководитель отдела маркетинга", "Маркетинг бөлімінің басшысы"}),
      Map.entry("director", new String[] {"Генеральный директор", "Бас директор"}),
      Map.entry("operator", new String[] {"Оператор контакт-центра", "Байланыс орталығының операторы"}),
      Map.entry("webmarketer", new String[] {"Интернет-маркетолог", "Интернет-маркетолог"}),
      Map.entry("officer", new String[] {"Специалист офиса", "Кеңсе маманы"}),
      Map.entry("regionhead", new String[] {"Директор региональной сети", "Өңірлік желі директоры"}),
      Map.entry("collector", new String[] {"Менеджер по работе с просроченной задолженностью",
          "Мерзімі өткен берешек жөніндегі менеджер"}),
      Map.entry("controller", new String[] {"Специалист по работе с обращениями", "Өтініштермен жұмыс жөніндегі маман"}),
      Map.entry("officemanager", new String[] {"Офис-менеджер", "Офис-менеджер"}),
      Map.entry("rightsofficer", new String[] {"Должностное лицо по защите прав клиентов",
          "Клиенттердің құқықтарын қорғау жөніндегі лауазымды тұлға"}),
      Map.entry("kzspecialist", new String[] {"Специалист по обращениям клиентов", "Клиенттердің өтініштері жөніндегі маман"}),
      Map.entry("committee", new String[] {"Секретарь кредитного комитета", "Кредит комитетінің хатшысы"}),
      Map.entry("processowner", new String[] {"Владелец бизнес-процессов", "Бизнес-процестер иесі"}));

  private final CompanyProfiles profiles;
  private final Signatories signatories;
  private final JdbcClient jdbc;

  CompanyDemoData(CompanyProfiles profiles, Signatories signatories, JdbcClient jdbc) {
    this.profiles = profiles;
    this.signatories = signatories;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    profile(Jurisdiction.RU, RU, "company/demo-logo-ru.png");
    profile(Jurisdiction.KZ, KZ, "company/demo-logo-kz.png");
    int added = 0;
    for (var p : POSITIONS.entrySet()) {
      boolean present = jdbc.sql("select count(*) from signatory_position where user_id = :u").param("u", p.getKey())
          .query(Long.class).single() > 0;
      if (!present) {
        try {
          signatories.setPosition(p.getKey(), p.getValue()[0], p.getValue()[1], BY);
          added++;
        } catch (NotFoundException e) {
          // an administrator removed this demo user: nothing to sign for
        }
      }
    }
    log.info("Demo company profiles present; {} demo positions added", added);
  }

  private void profile(Jurisdiction j, CompanyProfileRequest data, String logo) {
    if (profiles.find(j).isPresent()) {
      return;
    }
    profiles.save(j, data, BY);
    try (InputStream in = new ClassPathResource(logo).getInputStream()) {
      profiles.saveLogo(j, in.readAllBytes(), BY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package ru.appealdesk.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Profile {@code demo}: one employee per group, password {@code demo} (the admin {@code demo}/{@code demo} comes from
 * {@code camunda.bpm.admin-user} in application-demo.yaml). Never active in production.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoUsers implements ApplicationRunner {

  public static final String PASSWORD = "demo";

  /** user id, first name, last name, group. The README lists the same table. */
  public static final List<DemoUser> USERS = List.of(
      new DemoUser("branchhead", "Борис", "Филиалов", AppGroup.BRANCH_HEAD),
      new DemoUser("lawyer", "Лариса", "Юрьева", AppGroup.LEGAL),
      new DemoUser("marketer", "Марина", "Маркова", AppGroup.MARKETING),
      new DemoUser("director", "Геннадий", "Директоров", AppGroup.GENERAL_DIRECTOR),
      new DemoUser("operator", "Ольга", "Звонкова", AppGroup.CONTACT_CENTER),
      new DemoUser("webmarketer", "Игорь", "Сетевой", AppGroup.INTERNET_MARKETER),
      new DemoUser("officer", "Светлана", "Офисная", AppGroup.OFFICE_STAFF),
      new DemoUser("regionhead", "Роман", "Регионов", AppGroup.REGIONAL_NETWORK_HEAD),
      new DemoUser("collector", "Максим", "Просрочкин", AppGroup.COLLECTIONS_MANAGER),
      new DemoUser("controller", "Алла", "Контролёва", AppGroup.APPEALS_CONTROLLER),
      new DemoUser("officemanager", "Вера", "Делова", AppGroup.OFFICE_MANAGER),
      new DemoUser("rightsofficer", "Айгерим", "Правова", AppGroup.CLIENT_RIGHTS_OFFICER),
      new DemoUser("kzspecialist", "Нурлан", "Жалобаев", AppGroup.KZ_COMPLAINTS),
      new DemoUser("committee", "Асель", "Кредитова", AppGroup.CREDIT_COMMITTEE),
      new DemoUser("processowner", "Павел", "Моделеров", AppGroup.PROCESS_OWNERS));

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identity;

  public DemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  public static DemoUser of(AppGroup group) {
    return USERS.stream().filter(u -> u.group() == group).findFirst().orElseThrow();
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser d : USERS) {
      if (identity.createUserQuery().userId(d.id()).singleResult() == null) {
        User u = identity.newUser(d.id());
        u.setFirstName(d.firstName());
        u.setLastName(d.lastName());
        u.setEmail(d.id() + "@appealdesk.local");
        u.setPassword(PASSWORD);
        identity.saveUser(u);
      }
      if (identity.createUserQuery().userId(d.id()).memberOfGroup(d.group().id()).count() == 0) {
        identity.createMembership(d.id(), d.group().id());
      }
    }
    log.info("Demo users present: {}", USERS.size());
  }

  public record DemoUser(String id, String firstName, String lastName, AppGroup group) {}
}

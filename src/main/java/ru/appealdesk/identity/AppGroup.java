package ru.appealdesk.identity;

import java.util.Arrays;
import java.util.Optional;

/** The Camunda groups of SPEC §1 (one per unit or role) with the Russian names employees see in Tasklist and Admin. */
public enum AppGroup {
  BRANCH_HEAD("branch-head", "Руководитель обособленного подразделения"),
  LEGAL("legal", "Юридический отдел"),
  MARKETING("marketing", "Отдел маркетинга"),
  GENERAL_DIRECTOR("general-director", "Генеральный директор"),
  CONTACT_CENTER("contact-center", "Контакт-центр"),
  INTERNET_MARKETER("internet-marketer", "Интернет-маркетолог"),
  OFFICE_STAFF("office-staff", "Сотрудник офиса"),
  REGIONAL_NETWORK_HEAD("regional-network-head", "Руководитель/директор региональной сети"),
  COLLECTIONS_MANAGER("collections-manager", "Менеджер по просрочке"),
  APPEALS_CONTROLLER("appeals-controller", "Сотрудник, ответственный за работу с обращениями"),
  OFFICE_MANAGER("office-manager", "Офис-менеджер"),
  CLIENT_RIGHTS_OFFICER("client-rights-officer", "ДЛПК (должностное лицо по правам клиентов)"),
  KZ_COMPLAINTS("kz-complaints", "Специалист по обращениям (KZ)"),
  CREDIT_COMMITTEE("credit-committee", "Кредитный комитет (KZ)"),
  /** Process owners: deploy from Camunda Modeler, read every definition. */
  PROCESS_OWNERS("process-owners", "Владельцы процессов");

  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Spring Security authority of a Camunda group: {@code GROUP_<group id>} (docs/CONTRACTS.md). */
  public static final String AUTHORITY_PREFIX = "GROUP_";

  private final String id;
  private final String russianName;

  AppGroup(String id, String russianName) {
    this.id = id;
    this.russianName = russianName;
  }

  public String id() {
    return id;
  }

  public String russianName() {
    return russianName;
  }

  /** Units that work tasks (every group but the process owners). */
  public boolean isEmployeeUnit() {
    return this != PROCESS_OWNERS;
  }

  public static Optional<AppGroup> byId(String id) {
    return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
  }
}

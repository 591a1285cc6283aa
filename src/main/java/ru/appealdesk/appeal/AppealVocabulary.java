package ru.appealdesk.appeal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The words behind the codes of an appeal, for people: types and the subjects a client may choose per jurisdiction and
 * type, in Russian and Kazakh. Public pages, forms and letters ask here instead of showing codes.
 *
 * <p>Seam of issue 15: the subject vocabulary moves into a decision table that process owners edit in Modeler; callers
 * keep this signature.
 */
@Service
public class AppealVocabulary {

  /** One code with its Russian and Kazakh names ({@code kk} may be null: then the Russian name is used). */
  public record Term(String code, String ru, String kk) {
    public String name(String language) {
      return "kk".equals(language) && kk != null ? kk : ru;
    }
  }

  private static final Map<AppealType, String> TYPE_KK = Map.of(
      AppealType.COMPLAINT, "Шағым", AppealType.APPLICATION, "Өтініш", AppealType.REQUEST, "Сұрау",
      AppealType.SUGGESTION, "Ұсыныс", AppealType.REVIEW, "Пікір", AppealType.GRATITUDE, "Алғыс",
      AppealType.CONSULTATION, "Кеңес алу үшін өтініш");

  private static final Map<String, Term> SUBJECTS = Map.ofEntries(
      t("EMPLOYEE_CONDUCT", "Действия сотрудника компании", "Компания қызметкерінің әрекеттері"),
      t("COLLECTION_ACTIONS", "Действия сотрудников взыскания или службы безопасности (звонки, SMS)",
          "Өндіріп алу немесе қауіпсіздік қызметі қызметкерлерінің әрекеттері (қоңыраулар, SMS)"),
      t("CONTACT_CENTER_STAFF", "Работа сотрудников контакт-центра", "Байланыс орталығы қызметкерлерінің жұмысы"),
      t("OFFICE_HOURS", "Несоблюдение режима работы офиса", "Кеңсенің жұмыс кестесінің сақталмауы"),
      t("LOAN_TERMS", "Условия договора займа (срок, проценты, пени)",
          "Қарыз шартының талаптары (мерзімі, сыйақы, өсімпұл)"),
      t("LATE_CLAIM_PROCESSING", "Несвоевременное рассмотрение заявлений и претензий",
          "Өтініштер мен талаптардың уақтылы қаралмауы"),
      t("LATE_LOAN_PROCESSING", "Несвоевременное рассмотрение заявки на заём, долгая выдача",
          "Қарызға өтінімнің уақтылы қаралмауы, қарызды ұзақ беру"),
      t("PERSONAL_CABINET", "Работа личного кабинета", "Жеке кабинеттің жұмысы"),
      t("ADVERTISING_SMS", "Рекламные SMS", "Жарнамалық SMS"),
      t("OTHER", "Другое", "Басқа"),
      t("DEBT_CERTIFICATE", "Справка о состоянии задолженности", "Берешектің жай-күйі туралы анықтама"),
      t("DEBT_STATUS_ORAL", "Устная консультация о состоянии задолженности",
          "Берешектің жай-күйі туралы ауызша кеңес"),
      t("PERSONAL_DATA_WITHDRAWAL", "Отзыв согласия на обработку персональных данных",
          "Дербес деректерді өңдеуге келісімді кері қайтарып алу"),
      t("PRETRIAL_SETTLEMENT", "Предложение о досудебном урегулировании задолженности",
          "Берешекті сотқа дейін реттеу туралы ұсыныс"),
      t("DOCUMENT_COPIES", "Копии документов", "Құжаттардың көшірмелері"),
      t("DEBT_CALCULATION", "Расчёт текущей задолженности", "Ағымдағы берешектің есебі"),
      t("CLIENT_DEATH", "Смерть клиента", "Клиенттің қайтыс болуы"),
      t("CLIENT_IMPRISONED", "Клиент отбывает наказание", "Клиент жазасын өтеуде"),
      t("LOAN_CLOSURE_CERTIFICATE", "Справка о закрытии займа", "Қарыздың жабылғаны туралы анықтама"),
      t("INTEREST_SUSPENSION", "Приостановление начисления процентов", "Сыйақы есептеуді тоқтата тұру"),
      t("CONTRACT_TERMS_CHANGE", "Изменение условий договора (кроме срока, ставки и суммы)",
          "Шарт талаптарын өзгерту (мерзімінен, мөлшерлемесінен және сомасынан басқа)"),
      t("OTHER_WRITTEN", "Другое заявление, требующее письменного ответа",
          "Жазбаша жауапты қажет ететін басқа өтініш"),
      t("DEFERRAL_OR_INSTALLMENT", "Отсрочка, рассрочка или скидка", "Кейінге қалдыру, бөліп төлеу немесе жеңілдік"),
      t("LOAN_INCREASE", "Увеличение суммы займа", "Қарыз сомасын ұлғайту"),
      t("OVERPAYMENT_REFUND", "Возврат переплаты", "Артық төленген соманы қайтару"),
      t("PENALTY_WRITE_OFF", "Списание пени за платёж, зачисленный с опозданием не по вине клиента",
          "Клиенттің кінәсінсіз кешігіп есепке алынған төлем үшін өсімпұлды есептен шығару"),
      t("RATE_REDUCTION", "Снижение процентной ставки", "Сыйақы мөлшерлемесін төмендету"),
      t("LOAN_CONDITIONS", "Условия займов (сумма, ставка, сроки)", "Қарыз талаптары (сомасы, мөлшерлемесі, мерзімі)"),
      t("PRODUCT_LINE", "Расширение линейки продуктов", "Өнімдер желісін кеңейту"),
      t("ADDITIONAL_SERVICES", "Дополнительные услуги", "Қосымша қызметтер"),
      t("OFFICE_EQUIPMENT", "Оснащение офисов", "Кеңселерді жабдықтау"),
      t("OFFICE_HOURS_STAFF", "Режим работы офиса и число сотрудников",
          "Кеңсенің жұмыс кестесі және қызметкерлер саны"));

  /** The appeal types, named. */
  public List<Term> types() {
    return java.util.Arrays.stream(AppealType.values())
        .map(t -> new Term(t.name(), t.russianName(), TYPE_KK.get(t))).toList();
  }

  /** The subjects a client or employee may choose for this type in this jurisdiction (empty: the type has none). */
  public List<Term> subjects(String jurisdiction, String type) {
    AppealType t;
    try {
      t = AppealType.valueOf(type);
    } catch (IllegalArgumentException | NullPointerException e) {
      return List.of();
    }
    return t.subjects().stream().map(SUBJECTS::get).toList();
  }

  /** The name of a subject code, if it is one. */
  public Optional<Term> subject(String code) {
    return Optional.ofNullable(code == null ? null : SUBJECTS.get(code));
  }

  private static Map.Entry<String, Term> t(String code, String ru, String kk) {
    return Map.entry(code, new Term(code, ru, kk));
  }
}

package ru.appealdesk.appeal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import ru.appealdesk.platform.PlainText;

/** Client details as the API and the registration form send them; every field may be missing (SPEC §3.3, §5.3). */
public record ClientDetails(
    @Size(max = 300, message = "не длиннее 300 символов") @PlainText String fullName,
    @Size(max = 40, message = "не длиннее 40 символов")
    @Pattern(regexp = "\\+?[0-9 ()-]{5,20}", message = "номер телефона: цифры, пробелы, скобки, дефис, до 20 знаков")
    String phone,
    @Size(max = 254, message = "не длиннее 254 символов") @PlainText @Email(message = "неверный адрес электронной почты")
    String email,
    @Size(max = 500, message = "не длиннее 500 символов") @PlainText(multiLine = true) String postalAddress,
    @Size(max = 12, message = "не длиннее 12 символов")
    @Pattern(regexp = "[0-9A-Za-z]{6,10}", message = "почтовый индекс: 6–10 цифр или латинских букв")
    String postalCode,
    @Size(max = 100, message = "не длиннее 100 символов") @PlainText String idDocument) {

  /**
   * The form field (= process variable) of each detail, by the record's property: the intake, registration and
   * information forms all use these keys, so a refusal can name the field the employee sees.
   */
  static final Map<String, String> FORM_FIELDS = Map.of(
      "fullName", AppealVariables.CLIENT_FULL_NAME,
      "phone", AppealVariables.CLIENT_PHONE,
      "email", AppealVariables.CLIENT_EMAIL,
      "postalAddress", AppealVariables.CLIENT_ADDRESS,
      "postalCode", AppealVariables.CLIENT_POSTAL_CODE,
      "idDocument", AppealVariables.CLIENT_ID_DOCUMENT);

  /** The details as a form submitted them (blank fields are missing). */
  static ClientDetails fromForm(FormValues f) {
    return new ClientDetails(f.text(FORM_FIELDS.get("fullName")), f.text(FORM_FIELDS.get("phone")),
        f.text(FORM_FIELDS.get("email")), f.text(FORM_FIELDS.get("postalAddress")),
        f.text(FORM_FIELDS.get("postalCode")), f.text(FORM_FIELDS.get("idDocument")));
  }

  /** The form field of a property, as a validation message or an API field names it. */
  static String formField(String property) {
    return FORM_FIELDS.getOrDefault(property, property);
  }
}

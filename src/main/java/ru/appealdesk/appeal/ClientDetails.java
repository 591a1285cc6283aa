package ru.appealdesk.appeal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
    @Size(max = 100, message = "не длиннее 100 символов") @PlainText String idDocument) {}

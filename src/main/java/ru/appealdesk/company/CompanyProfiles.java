package ru.appealdesk.company;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * The company profiles of RU and KZ (table {@code company_profile}): read by the letter rendering, written by an
 * administrator. Every value is checked before it is stored, with a Russian reason per field.
 */
@Service
public class CompanyProfiles {

  /** The largest logo accepted: a letterhead logo is printed 2 cm high. */
  public static final int MAX_LOGO_BYTES = 1024 * 1024;
  private static final int MAX_LOGO_SIDE = 4000;
  private static final Logger log = LoggerFactory.getLogger(CompanyProfiles.class);
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{4,38}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern WEBSITE = Pattern.compile("(https?://)?[\\p{L}0-9.\\-]+\\.[\\p{L}]{2,}(/\\S*)?");

  private final JdbcClient jdbc;

  CompanyProfiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CompanyProfile> all() {
    return jdbc.sql(SELECT + " order by jurisdiction desc").query(CompanyProfiles::row).list();
  }

  public Optional<CompanyProfile> find(Jurisdiction jurisdiction) {
    return jdbc.sql(SELECT + " where jurisdiction = :j").param("j", jurisdiction.name())
        .query(CompanyProfiles::row).optional();
  }

  /** The logo's bytes and content type, when one was uploaded. */
  public Optional<Logo> logo(Jurisdiction jurisdiction) {
    return jdbc.sql("select logo, logo_content_type from company_profile where jurisdiction = :j and logo is not null")
        .param("j", jurisdiction.name())
        .query((rs, n) -> new Logo(rs.getBytes(1), rs.getString(2)))
        .optional();
  }

  /** Creates or replaces the profile (the logo stays); refuses with every bad field at once. */
  @Transactional
  public CompanyProfile save(Jurisdiction j, CompanyProfileRequest in, String by) {
    CompanyProfileRequest p = check(j, in);
    CompanyProfile.Kazakh kk = p.kk() == null ? CompanyProfile.Kazakh.NONE : p.kk();
    jdbc.sql("""
            insert into company_profile (jurisdiction, legal_form, name, inn, ogrn, mfo_registry_number, bin, licence,
                legal_address, postal_address, phone, email, website, legal_form_kk, name_kk, legal_address_kk,
                postal_address_kk, licence_kk, updated_at, updated_by)
            values (:j, :legalForm, :name, :inn, :ogrn, :mfo, :bin, :licence, :legalAddress, :postalAddress, :phone,
                :email, :website, :legalFormKk, :nameKk, :legalAddressKk, :postalAddressKk, :licenceKk, now(), :by)
            on conflict (jurisdiction) do update set legal_form = excluded.legal_form, name = excluded.name,
                inn = excluded.inn, ogrn = excluded.ogrn, mfo_registry_number = excluded.mfo_registry_number,
                bin = excluded.bin, licence = excluded.licence, legal_address = excluded.legal_address,
                postal_address = excluded.postal_address, phone = excluded.phone, email = excluded.email,
                website = excluded.website, legal_form_kk = excluded.legal_form_kk, name_kk = excluded.name_kk,
                legal_address_kk = excluded.legal_address_kk, postal_address_kk = excluded.postal_address_kk,
                licence_kk = excluded.licence_kk, updated_at = now(), updated_by = excluded.updated_by""")
        .param("j", j.name()).param("legalForm", p.legalForm()).param("name", p.name()).param("inn", p.inn())
        .param("ogrn", p.ogrn()).param("mfo", p.mfoRegistryNumber()).param("bin", p.bin())
        .param("licence", p.licence()).param("legalAddress", p.legalAddress())
        .param("postalAddress", p.postalAddress()).param("phone", p.phone()).param("email", p.email())
        .param("website", p.website()).param("legalFormKk", kk.legalForm()).param("nameKk", kk.name())
        .param("legalAddressKk", kk.legalAddress()).param("postalAddressKk", kk.postalAddress())
        .param("licenceKk", kk.licence()).param("by", by)
        .update();
    log.info("Company profile {} saved", j);
    return find(j).orElseThrow();
  }

  /** Stores a PNG or JPEG logo (checked by its content, not its name) for an existing profile. */
  @Transactional
  public CompanyProfile saveLogo(Jurisdiction j, byte[] image, String by) {
    if (find(j).isEmpty()) {
      throw new BadRequestException("jurisdiction", "сначала заполните профиль компании для " + j
          + ", затем загрузите логотип");
    }
    String type = imageType(image);
    jdbc.sql("""
            update company_profile set logo = :logo, logo_content_type = :type, updated_at = now(), updated_by = :by
            where jurisdiction = :j""")
        .param("logo", image).param("type", type).param("by", by).param("j", j.name()).update();
    log.info("Company logo {} saved ({}, {} bytes)", j, type, image.length);
    return find(j).orElseThrow();
  }

  @Transactional
  public boolean deleteLogo(Jurisdiction j, String by) {
    int n = jdbc.sql("""
            update company_profile set logo = null, logo_content_type = null, updated_at = now(), updated_by = :by
            where jurisdiction = :j and logo is not null""")
        .param("by", by).param("j", j.name()).update();
    return n > 0;
  }

  /** @param contentType {@code image/png} or {@code image/jpeg} */
  public record Logo(byte[] bytes, String contentType) {}

  // ------------------------------------------------------------------------------------------------ checks

  static String imageType(byte[] image) {
    if (image == null || image.length == 0) {
      throw new BadRequestException("file", "файл логотипа пустой");
    }
    if (image.length > MAX_LOGO_BYTES) {
      throw new BadRequestException("file", "логотип больше 1 МБ: уменьшите изображение");
    }
    String type = startsWith(image, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) ? "image/png"
        : startsWith(image, 0xFF, 0xD8, 0xFF) ? "image/jpeg" : null;
    if (type == null) {
      throw new BadRequestException("file", "логотип должен быть изображением PNG или JPEG");
    }
    try {
      var picture = ImageIO.read(new ByteArrayInputStream(image));
      if (picture == null) {
        throw new BadRequestException("file", "изображение повреждено или не читается");
      }
      if (picture.getWidth() > MAX_LOGO_SIDE || picture.getHeight() > MAX_LOGO_SIDE) {
        throw new BadRequestException("file", "логотип больше " + MAX_LOGO_SIDE + "×" + MAX_LOGO_SIDE + " точек");
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadRequestException bad) {
        throw bad;
      }
      throw new BadRequestException("file", "изображение повреждено или не читается");
    }
    return type;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Trims every value, checks it, and returns the normalised request. */
  static CompanyProfileRequest check(Jurisdiction j, CompanyProfileRequest in) {
    if (in == null) {
      throw new BadRequestException("body", "передайте профиль компании в формате JSON");
    }
    List<FieldProblem> problems = new ArrayList<>();
    String legalForm = required(problems, "legalForm", in.legalForm(), 200, "укажите организационно-правовую форму"
        + " (например, «ООО МКК»)");
    String name = required(problems, "name", in.name(), 300, "укажите наименование компании");
    String inn = digitsOnly(in.inn());
    String ogrn = digitsOnly(in.ogrn());
    String mfo = trim(in.mfoRegistryNumber());
    String bin = digitsOnly(in.bin());
    String licence = trim(in.licence());
    if (j == Jurisdiction.RU) {
      requisite(problems, "inn", inn, "укажите ИНН", Requisites::innProblem);
      requisite(problems, "ogrn", ogrn, "укажите ОГРН", Requisites::ogrnProblem);
      requisite(problems, "mfoRegistryNumber", mfo, "укажите регистрационный номер записи в государственном реестре"
          + " микрофинансовых организаций", v -> v.matches("\\d{10,20}") ? null
          : "номер записи в реестре МФО состоит из 10–20 цифр");
      notForHere(problems, "bin", bin, "БИН", j);
      notForHere(problems, "licence", licence, "лицензия АРРФР", j);
    } else {
      requisite(problems, "bin", bin, "укажите БИН", Requisites::binProblem);
      requisite(problems, "licence", licence, "укажите лицензию (учётную регистрацию) АРРФР: номер и дату",
          v -> v.length() <= 300 ? null : "не длиннее 300 символов");
      notForHere(problems, "inn", inn, "ИНН", j);
      notForHere(problems, "ogrn", ogrn, "ОГРН", j);
      notForHere(problems, "mfoRegistryNumber", mfo, "номер в реестре МФО Банка России", j);
    }
    String legalAddress = required(problems, "legalAddress", in.legalAddress(), 500, "укажите юридический адрес");
    String postalAddress = optional(problems, "postalAddress", in.postalAddress(), 500);
    String phone = required(problems, "phone", in.phone(), 40, "укажите телефон для обращений клиентов");
    if (phone != null && !PHONE.matcher(phone).matches()) {
      problems.add(new FieldProblem("phone", "телефон: цифры, пробелы, скобки и дефисы, например +7 800 000-00-00"));
    }
    String email = required(problems, "email", in.email(), 254, "укажите адрес e-mail для обращений клиентов");
    if (email != null && !EMAIL.matcher(email).matches()) {
      problems.add(new FieldProblem("email", "неверный адрес e-mail"));
    }
    String website = optional(problems, "website", in.website(), 200);
    if (website != null && !WEBSITE.matcher(website).matches()) {
      problems.add(new FieldProblem("website", "укажите адрес сайта, например example.ru"));
    }
    CompanyProfile.Kazakh kk = null;
    if (in.kk() != null) {
      kk = new CompanyProfile.Kazakh(optional(problems, "kk.legalForm", in.kk().legalForm(), 200),
          optional(problems, "kk.name", in.kk().name(), 300),
          optional(problems, "kk.legalAddress", in.kk().legalAddress(), 500),
          optional(problems, "kk.postalAddress", in.kk().postalAddress(), 500),
          optional(problems, "kk.licence", in.kk().licence(), 300));
      if (j == Jurisdiction.RU && (kk.legalForm() != null || kk.name() != null || kk.legalAddress() != null
          || kk.postalAddress() != null || kk.licence() != null)) {
        problems.add(new FieldProblem("kk", "тексты на казахском языке заполняются только для KZ"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return new CompanyProfileRequest(legalForm, name, inn, ogrn, mfo, bin, licence, legalAddress, postalAddress, phone,
        email, website, kk);
  }

  private static String required(List<FieldProblem> problems, String field, String value, int max, String missing) {
    String v = trim(value);
    if (v == null) {
      problems.add(new FieldProblem(field, missing));
      return null;
    }
    if (v.length() > max) {
      problems.add(new FieldProblem(field, "не длиннее " + max + " символов"));
    }
    return v;
  }

  private static String optional(List<FieldProblem> problems, String field, String value, int max) {
    String v = trim(value);
    if (v != null && v.length() > max) {
      problems.add(new FieldProblem(field, "не длиннее " + max + " символов"));
    }
    return v;
  }

  private static void requisite(List<FieldProblem> problems, String field, String value, String missing,
      java.util.function.Function<String, String> check) {
    if (value == null) {
      problems.add(new FieldProblem(field, missing));
      return;
    }
    String problem = check.apply(value);
    if (problem != null) {
      problems.add(new FieldProblem(field, problem));
    }
  }

  private static void notForHere(List<FieldProblem> problems, String field, String value, String what,
      Jurisdiction j) {
    if (value != null) {
      problems.add(new FieldProblem(field, what + " не заполняется для " + j));
    }
  }

  /** Spaces and dashes people type into numbers are dropped; anything else stays and is refused by the check. */
  private static String digitsOnly(String value) {
    String v = trim(value);
    return v == null ? null : v.replaceAll("[\\s\\-]", "");
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  // ------------------------------------------------------------------------------------------------ rows

  private static final String SELECT = """
      select jurisdiction, legal_form, name, inn, ogrn, mfo_registry_number, bin, licence, legal_address,
             postal_address, phone, email, website, legal_form_kk, name_kk, legal_address_kk, postal_address_kk,
             licence_kk, logo is not null as has_logo, updated_at, updated_by
      from company_profile""";

  private static CompanyProfile row(ResultSet rs, int n) throws SQLException {
    String j = rs.getString("jurisdiction");
    CompanyProfile.Kazakh kk = new CompanyProfile.Kazakh(rs.getString("legal_form_kk"), rs.getString("name_kk"),
        rs.getString("legal_address_kk"), rs.getString("postal_address_kk"), rs.getString("licence_kk"));
    return new CompanyProfile(j, rs.getString("legal_form"), rs.getString("name"), rs.getString("inn"),
        rs.getString("ogrn"), rs.getString("mfo_registry_number"), rs.getString("bin"), rs.getString("licence"),
        rs.getString("legal_address"), rs.getString("postal_address"), rs.getString("phone"), rs.getString("email"),
        rs.getString("website"), kk.equals(CompanyProfile.Kazakh.NONE) ? null : kk,
        rs.getBoolean("has_logo") ? "/api/company/" + j + "/logo" : null,
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
  }
}

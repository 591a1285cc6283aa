package ru.appealdesk.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;
import ru.appealdesk.platform.NotFoundException;
import ru.appealdesk.platform.PlainText;

/**
 * {@code /api/calendars}: administrators list the production-calendar years and add or replace a year, as JSON or as
 * an xmlcalendar file, without a release.
 */
@RestController
@RequestMapping("/api/calendars")
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class CalendarController {

  private final CalendarStore store;
  private final CalendarRecompute recompute;

  CalendarController(CalendarStore store, CalendarRecompute recompute) {
    this.store = store;
    this.recompute = recompute;
  }

  @GetMapping
  List<CalendarStore.YearInfo> years() {
    return store.years();
  }

  @GetMapping("/{country}/{year}")
  YearDays year(@PathVariable String country, @PathVariable int year) {
    Jurisdiction j = country(country, "country");
    CalendarStore.YearInfo info = store.years().stream()
        .filter(y -> y.country() == j && y.year() == year).findFirst()
        .orElseThrow(() -> new NotFoundException("Нет данных производственного календаря " + j + " за " + year + " год"));
    List<DayJson> days = store.days(j, year).stream()
        .map(d -> new DayJson(d.date().toString(), d.type().name(), d.title(),
            d.movedFrom() == null ? null : d.movedFrom().toString()))
        .toList();
    return new YearDays(j.name(), year, info.source(), info.loadedAt(), days);
  }

  /** Adds or replaces a year from JSON: {@code {"country":"KZ","year":2027,"days":[{"date":"2027-01-01","type":"NON_WORKING"}]}}. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SaveResult> save(@Valid @RequestBody YearJson body, Authentication user) {
    CalendarYear year = parse(body);
    boolean replaced = store.save(year, "api:json", user.getName());
    return result(year, replaced);
  }

  /**
   * Adds or replaces a year from a file in the public xmlcalendar format ({@code <calendar year="2027" lang="ru">…}),
   * posted to {@code /api/calendars} itself or (older integrations) to {@code /api/calendars/import};
   * {@code country} is needed when the file has no such attribute.
   */
  @PostMapping(path = {"", "/import"}, consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  ResponseEntity<SaveResult> importXml(@RequestBody byte[] xml, @RequestParam(required = false) String country,
      Authentication user) {
    Jurisdiction fallback = country == null ? null : country(country, "country");
    CalendarYear year;
    try {
      year = XmlCalendarFormat.parse(new ByteArrayInputStream(xml), fallback);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("file", e.getMessage());
    }
    boolean replaced = store.save(year, "api:xmlcalendar", user.getName());
    return result(year, replaced);
  }

  /**
   * Removes a year loaded by mistake: deadlines in it are derived from the law again (provisional) and running cases
   * are counted again. 404 when there is no such year.
   */
  @DeleteMapping("/{country}/{year}")
  DeleteResult delete(@PathVariable String country, @PathVariable int year, Authentication user) {
    Jurisdiction j = country(country, "country");
    if (!store.delete(j, year, user.getName())) {
      throw new NotFoundException("Нет данных производственного календаря " + j + " за " + year + " год");
    }
    CalendarRecompute.Result r = recompute.afterLoad(j, year);
    return new DeleteResult(j.name(), year, r.recomputed(), r.checked(), r.failed());
  }

  record DeleteResult(String country, int year, int recomputed, int checked, int failed) {}

  /** The year is stored; running cases whose deadlines it touches are counted again at once. */
  private ResponseEntity<SaveResult> result(CalendarYear year, boolean replaced) {
    CalendarRecompute.Result r = recompute.afterLoad(year.jurisdiction(), year.year());
    return ResponseEntity.status(replaced ? HttpStatus.OK : HttpStatus.CREATED)
        .body(new SaveResult(year.jurisdiction().name(), year.year(), year.days().size(), replaced, r.recomputed(),
            r.checked(), r.failed()));
  }

  private static CalendarYear parse(YearJson body) {
    List<FieldProblem> problems = new ArrayList<>();
    Jurisdiction j = null;
    try {
      j = country(body.country(), "country");
    } catch (BadRequestException e) {
      problems.addAll(e.problems());
    }
    if (body.year() == null) {
      problems.add(new FieldProblem("year", "Укажите год"));
    }
    if (body.days() == null || body.days().isEmpty()) {
      problems.add(new FieldProblem("days", "Укажите особые дни года (праздники, переносы, сокращённые дни)"));
    }
    List<CalendarDay> days = new ArrayList<>();
    if (body.days() != null) {
      for (int i = 0; i < body.days().size(); i++) {
        DayJson d = body.days().get(i);
        String field = "days[" + i + "]";
        if (d == null) {
          problems.add(new FieldProblem(field, "Пустой элемент"));
          continue;
        }
        LocalDate date = date(d.date(), field + ".date", problems);
        LocalDate movedFrom = d.movedFrom() == null || d.movedFrom().isBlank() ? null
            : date(d.movedFrom(), field + ".movedFrom", problems);
        DayType type = null;
        try {
          type = DayType.valueOf(String.valueOf(d.type()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problems.add(new FieldProblem(field + ".type", "Тип дня: NON_WORKING, SHORTENED или WORKING"));
        }
        if (date != null && type != null) {
          days.add(new CalendarDay(date, type, d.title(), movedFrom));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return new CalendarYear(j, body.year(), days);
  }

  private static LocalDate date(String value, String field, List<FieldProblem> problems) {
    try {
      return LocalDate.parse(String.valueOf(value).trim());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "Дата в формате ГГГГ-ММ-ДД"));
      return null;
    }
  }

  private static Jurisdiction country(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field, "Укажите страну: RU или KZ");
    }
    try {
      return Jurisdiction.of(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(field, "Страна должна быть RU или KZ");
    }
  }

  record YearJson(@Size(max = 2, message = "RU или KZ") String country,
      @Min(value = 1990, message = "не ранее 1990") @Max(value = 2100, message = "не позднее 2100") Integer year,
      @Size(max = 400, message = "не больше 400 дней") List<@Valid DayJson> days) {}

  record DayJson(@Size(max = 10, message = "дата в формате ГГГГ-ММ-ДД") String date,
      @Size(max = 16, message = "NON_WORKING, SHORTENED или WORKING") String type,
      @Size(max = 255, message = "не длиннее 255 символов") @PlainText String title,
      @Size(max = 10, message = "дата в формате ГГГГ-ММ-ДД") String movedFrom) {}

  record YearDays(String country, int year, String source, Instant loadedAt, List<DayJson> days) {}

  /**
   * What a load did: the days stored, whether it replaced data, and how many running case clocks changed their
   * deadline or ceiling ({@code recomputed}) out of those the year touches ({@code checked}); {@code failed} clocks
   * were busy and keep their deadline until the next load (logged).
   */
  record SaveResult(String country, int year, int days, boolean replaced, int recomputed, int checked, int failed) {}
}

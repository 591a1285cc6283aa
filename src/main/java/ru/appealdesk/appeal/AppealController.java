package ru.appealdesk.appeal;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.deadline.Jurisdiction;

/** Intake and look-up of appeals for integrators and the employees' tools (HTTP Basic, any employee). */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final AppealIntake intake;
  private final AppealSteps steps;
  private final AppealQueries queries;

  AppealController(AppealIntake intake, AppealSteps steps, AppealQueries queries) {
    this.intake = intake;
    this.steps = steps;
    this.queries = queries;
  }

  /** What the intake answers; {@code statusToken} lets the client follow the appeal at {@code statusUrl}. */
  record Created(String number, String status, String statusText, String responsibleGroup, String answerDueAt,
      String statusToken, String statusUrl, String processInstanceId) {}

  @PostMapping
  ResponseEntity<Created> create(@RequestBody NewAppeal body,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw new BadRequestException(IDEMPOTENCY_KEY, "от 1 до 200 символов");
    }
    String hash = sha256(body.toString());
    AppealIntake.Intake result;
    try {
      result = intake.intake(body, idempotencyKey, hash);
    } catch (DataIntegrityViolationException e) {
      if (idempotencyKey == null) {
        throw e;
      }
      result = intake.intake(body, idempotencyKey, hash); // a parallel request with the same key won the race
    }
    Appeal a = result.appeal();
    Created created = new Created(a.getNumber(), a.getStatus().name(), a.getStatus().text(), a.getResponsibleGroup(),
        AppealTexts.iso(a.getAnswerDueAt(), a.getJurisdiction()), a.getStatusToken(),
        "/status/" + a.getNumber() + "?token=" + a.getStatusToken(), a.getProcessInstanceId());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/appeals/" + a.getNumber()))
        .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
        .body(created);
  }

  @GetMapping("/{number}")
  AppealView get(@PathVariable String number) {
    return queries.view(number);
  }

  @PostMapping("/{number}/information")
  AppealView information(@PathVariable String number, @Valid @RequestBody InformationUpdate body) {
    steps.informationReceived(number, body);
    return queries.view(number);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

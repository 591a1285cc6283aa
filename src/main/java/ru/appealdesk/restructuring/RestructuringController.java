package ru.appealdesk.restructuring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.PlainText;
import ru.appealdesk.platform.PlausibleDate;
import ru.appealdesk.restructuring.RestructuringProcess.ClientResponse;

/** {@code /api/restructurings}: KZ applications to change microcredit terms (SPEC §4, source 002 ¶63-79). */
@RestController
@RequestMapping("/api/restructurings")
@PreAuthorize("hasAnyAuthority('GROUP_client-rights-officer','GROUP_kz-complaints','GROUP_camunda-admin')")
class RestructuringController {

  private final RestructuringService service;

  RestructuringController(RestructuringService service) {
    this.service = service;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> apply(@Valid @RequestBody RestructuringApplication application) {
    String number = service.apply(application);
    return ResponseEntity.created(URI.create("/api/restructurings/" + number)).body(service.view(number));
  }

  @GetMapping("/{number}")
  @PreAuthorize("hasAnyAuthority('GROUP_client-rights-officer','GROUP_kz-complaints','GROUP_credit-committee',"
      + "'GROUP_camunda-admin')")
  Map<String, Object> get(@PathVariable String number) {
    return service.view(number);
  }

  /** Multipart {@code file}; {@code requestedDocuments=true} (default) marks it as the documents the officer asked for. */
  @PostMapping(path = "/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> document(@PathVariable String number,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "requestedDocuments", defaultValue = "true") boolean requestedDocuments,
      Authentication user) {
    if (file == null || file.isEmpty()) {
      throw new BadRequestException("file", "приложите файл");
    }
    try {
      Map<String, Object> stored = service.addDocument(number, file.getOriginalFilename(), file.getContentType(),
          file.getBytes(), requestedDocuments, user.getName());
      return ResponseEntity.status(201).body(stored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record ClientResponseBody(ClientResponse response,
      @Size(max = 4000, message = "не длиннее 4000 символов") @PlainText(multiLine = true) String comment) {}

  @PostMapping("/{number}/client-response")
  ResponseEntity<Void> clientResponse(@PathVariable String number, @Valid @RequestBody ClientResponseBody body) {
    service.clientResponded(number, body.response(), body.comment());
    return ResponseEntity.accepted().build();
  }

  /**
   * ¶76: {@code days} (1..90 per extension, any number of extensions); {@code clientConsent} how the borrower agreed
   * ({@code comment} is taken when it is missing, as before), {@code clientConsentAt} when (default now);
   * {@code companyConsent} optional words of the company's side, whose consent is the authenticated employee.
   */
  record ExtensionBody(Integer days,
      @Size(max = 4000, message = "не длиннее 4000 символов") @PlainText(multiLine = true) String comment,
      @Size(max = 4000, message = "не длиннее 4000 символов") @PlainText(multiLine = true) String clientConsent,
      @PlausibleDate(notFuture = true) OffsetDateTime clientConsentAt,
      @Size(max = 4000, message = "не длиннее 4000 символов") @PlainText(multiLine = true) String companyConsent) {}

  @PostMapping("/{number}/response-window-extension")
  ResponseEntity<Void> extend(@PathVariable String number, @Valid @RequestBody ExtensionBody body,
      Authentication user) {
    service.extendResponseWindow(number, new RestructuringService.Extension(body.days(), body.clientConsent(),
        body.clientConsentAt() == null ? null : Date.from(body.clientConsentAt().toInstant()), body.companyConsent(),
        body.comment()), user.getName());
    return ResponseEntity.accepted().build();
  }

  record OmbudsmanNoticeBody(@PlausibleDate(notFuture = true) OffsetDateTime notifiedAt,
      @Size(max = 4000, message = "не длиннее 4000 символов") @PlainText(multiLine = true) String comment) {}

  @PostMapping("/{number}/ombudsman-notice")
  ResponseEntity<Void> ombudsman(@PathVariable String number, @Valid @RequestBody OmbudsmanNoticeBody body) {
    service.ombudsmanNotified(number, body.notifiedAt() == null ? null : Date.from(body.notifiedAt().toInstant()),
        body.comment());
    return ResponseEntity.accepted().build();
  }
}

package ru.appealdesk.company;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.NotFoundException;

/**
 * {@code /api/company}: the company profile per jurisdiction and the signatories' positions. Every employee may read
 * them (they are printed on every letter); only administrators ({@code camunda-admin}) change them, and a change
 * applies to the next letter rendered — no release needed.
 */
@RestController
@RequestMapping("/api/company")
class CompanyController {

  private static final String ADMIN = "hasAuthority('GROUP_camunda-admin')";

  private final CompanyProfiles profiles;
  private final Signatories signatories;

  CompanyController(CompanyProfiles profiles, Signatories signatories) {
    this.profiles = profiles;
    this.signatories = signatories;
  }

  @GetMapping
  List<CompanyProfile> all() {
    return profiles.all();
  }

  @GetMapping("/{jurisdiction}")
  CompanyProfile one(@PathVariable String jurisdiction) {
    Jurisdiction j = jurisdiction(jurisdiction);
    return profiles.find(j).orElseThrow(() -> new NotFoundException("Профиль компании для " + j + " не заполнен"));
  }

  @PutMapping(path = "/{jurisdiction}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(ADMIN)
  CompanyProfile save(@PathVariable String jurisdiction, @RequestBody(required = false) CompanyProfileRequest body,
      Principal principal) {
    return profiles.save(jurisdiction(jurisdiction), body, principal.getName());
  }

  @GetMapping("/{jurisdiction}/logo")
  ResponseEntity<byte[]> logo(@PathVariable String jurisdiction) {
    Jurisdiction j = jurisdiction(jurisdiction);
    CompanyProfiles.Logo logo = profiles.logo(j)
        .orElseThrow(() -> new NotFoundException("Логотип компании для " + j + " не загружен"));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.contentType()))
        .cacheControl(CacheControl.noCache()).body(logo.bytes());
  }

  @PostMapping(path = "/{jurisdiction}/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(ADMIN)
  CompanyProfile uploadLogo(@PathVariable String jurisdiction,
      @RequestParam(name = "file", required = false) MultipartFile file, Principal principal) {
    Jurisdiction j = jurisdiction(jurisdiction);
    if (file == null) {
      throw new BadRequestException("file", "файл логотипа не передан (поле multipart «file», PNG или JPEG)");
    }
    try {
      return profiles.saveLogo(j, file.getBytes(), principal.getName());
    } catch (IOException e) {
      throw new BadRequestException("file", "файл логотипа не удалось прочитать");
    }
  }

  @DeleteMapping("/{jurisdiction}/logo")
  @PreAuthorize(ADMIN)
  ResponseEntity<Void> deleteLogo(@PathVariable String jurisdiction, Principal principal) {
    Jurisdiction j = jurisdiction(jurisdiction);
    if (!profiles.deleteLogo(j, principal.getName())) {
      throw new NotFoundException("Логотип компании для " + j + " не загружен");
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/signatories")
  List<Signatories.Signatory> signatories() {
    return signatories.all();
  }

  @GetMapping("/signatories/{userId}")
  Signatories.Signatory signatory(@PathVariable String userId) {
    return signatories.existing(userId);
  }

  @PutMapping(path = "/signatories/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(ADMIN)
  Signatories.Signatory setPosition(@PathVariable String userId, @RequestBody(required = false) PositionRequest body,
      Principal principal) {
    PositionRequest p = body == null ? new PositionRequest(null, null) : body;
    return signatories.setPosition(userId, p.position(), p.positionKk(), principal.getName());
  }

  @DeleteMapping("/signatories/{userId}")
  @PreAuthorize(ADMIN)
  ResponseEntity<Void> removePosition(@PathVariable String userId) {
    if (!signatories.removePosition(userId)) {
      throw new NotFoundException("Должность сотрудника «" + userId + "» не задана");
    }
    return ResponseEntity.noContent().build();
  }

  /** Body of {@code PUT /api/company/signatories/{userId}}. */
  record PositionRequest(String position, String positionKk) {}

  private static Jurisdiction jurisdiction(String code) {
    if (code == null || !(code.equalsIgnoreCase("RU") || code.equalsIgnoreCase("KZ"))) {
      throw new BadRequestException("jurisdiction", "допустимо: RU, KZ");
    }
    return Jurisdiction.of(code);
  }
}

package ru.appealdesk.casefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.NotFoundException;

/** Upload, list and download the documents of a case (appeal, restructuring or letter) by its number. */
@RestController
@RequestMapping("/api/appeals/{number}/documents")
class CaseFileController {

  private final CaseFile caseFile;
  private final KnownCaseNumbers caseNumbers;

  CaseFileController(CaseFile caseFile, KnownCaseNumbers caseNumbers) {
    this.caseFile = caseFile;
    this.caseNumbers = caseNumbers;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<CaseDocument> upload(@PathVariable String number,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "kind", defaultValue = "ATTACHMENT") DocumentKind kind, Principal principal) {
    requireCase(number);
    if (file == null) {
      throw new BadRequestException("file", "файл не передан (поле multipart «file»)");
    }
    CaseDocument stored = caseFile.upload(number, kind, file.getOriginalFilename(), file.getContentType(), bytes(file),
        principal.getName());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, "/api/appeals/" + number + "/documents/" + stored.id())
        .body(stored);
  }

  @GetMapping
  List<CaseDocument> list(@PathVariable String number) {
    requireCase(number);
    return caseFile.list(number);
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id) {
    requireCase(number);
    CaseDocument document = caseFile.find(number, id)
        .orElseThrow(() -> new NotFoundException("Документ " + id + " в деле " + number + " не найден"));
    byte[] content = caseFile.content(number, id).orElseThrow();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .contentLength(content.length)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", document.sha256())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(content);
  }

  private void requireCase(String number) {
    if (!caseNumbers.exists(number)) {
      throw new NotFoundException("Дело " + number + " не найдено");
    }
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

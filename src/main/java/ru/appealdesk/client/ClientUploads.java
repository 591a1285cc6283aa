package ru.appealdesk.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import ru.appealdesk.casefile.CaseDocument;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.casefile.DocumentKind;

/**
 * The files a client attaches on the public pages: at most {@code max-files}, each at most {@code max-file-size}, each
 * of a format {@link UploadCheck} recognises by its bytes; filed in the case file as attachments uploaded by
 * {@code client}, under the detected content type (never the browser's claim).
 */
@Component
class ClientUploads {

  static final String UPLOADED_BY = "client";

  /** A checked file, ready to be filed. */
  record Upload(String fileName, String contentType, byte[] content) {}

  /** Checked files, or the problems (text key and arguments) that refuse them. */
  record Checked(List<Upload> files, List<Problem> problems) {}

  record Problem(String key, List<Object> args) {}

  private final ClientProperties properties;
  private final UploadCheck check;
  private final CaseFile caseFile;

  ClientUploads(ClientProperties properties, UploadCheck check, CaseFile caseFile) {
    this.properties = properties;
    this.check = check;
    this.caseFile = caseFile;
  }

  Checked check(List<MultipartFile> parts) {
    List<MultipartFile> files = parts == null ? List.of()
        : parts.stream().filter(f -> f != null && !f.isEmpty()).toList();
    List<Problem> problems = new ArrayList<>();
    List<Upload> ok = new ArrayList<>();
    if (files.size() > properties.maxFiles()) {
      problems.add(new Problem("error.files.count", List.of(properties.maxFiles())));
      return new Checked(List.of(), problems);
    }
    long max = properties.maxFileSize().toBytes();
    for (MultipartFile f : files) {
      String name = displayName(f.getOriginalFilename());
      if (f.getSize() > max) {
        problems.add(new Problem("error.files.size", List.of(name, properties.maxFileSize().toMegabytes())));
        continue;
      }
      byte[] bytes = bytes(f);
      var type = check.detect(bytes);
      if (type.isEmpty()) {
        problems.add(new Problem("error.files.type", List.of(name)));
        continue;
      }
      ok.add(new Upload(f.getOriginalFilename(), type.get(), bytes));
    }
    return new Checked(problems.isEmpty() ? List.copyOf(ok) : List.of(), List.copyOf(problems));
  }

  /** Files them in the case file; returns their document ids. */
  List<String> file(String caseNumber, List<Upload> files) {
    List<String> ids = new ArrayList<>();
    for (Upload u : files) {
      CaseDocument d = caseFile.upload(caseNumber, DocumentKind.ATTACHMENT, u.fileName(), u.contentType(), u.content(),
          UPLOADED_BY);
      ids.add(Long.toString(d.id()));
    }
    return ids;
  }

  /** The file's name as the client knows it, short, for a message on the page. */
  private static String displayName(String original) {
    if (original == null || original.isBlank()) {
      return "файл";
    }
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.length() <= 60 ? name : name.substring(0, 57) + "…";
  }

  private static byte[] bytes(MultipartFile f) {
    try {
      return f.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

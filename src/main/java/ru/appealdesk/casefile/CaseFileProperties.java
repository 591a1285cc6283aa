package ru.appealdesk.casefile;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the case file. {@code spring.servlet.multipart.max-file-size} must not be smaller than {@code maxSize}
 * (it is 20 MB in application.yaml), otherwise the servlet container refuses first, also with 413.
 *
 * @param maxSize largest document accepted (default 20 MB)
 * @param allowedTypes content types accepted for upload, as detected from the bytes (scans, PDFs, office documents,
 *     plain text); never SVG, HTML, e-mails with attachments, archives or executables
 */
@ConfigurationProperties("appealdesk.casefile")
public record CaseFileProperties(DataSize maxSize, List<String> allowedTypes) {

  public CaseFileProperties {
    if (maxSize == null) {
      maxSize = DataSize.ofMegabytes(20);
    }
    if (allowedTypes == null || allowedTypes.isEmpty()) {
      allowedTypes = List.of("application/pdf", "image/jpeg", "image/png", "image/tiff", "text/plain",
          "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.oasis.opendocument.text");
    }
    allowedTypes = List.copyOf(allowedTypes);
  }
}

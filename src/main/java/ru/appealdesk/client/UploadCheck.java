package ru.appealdesk.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.stereotype.Component;

/**
 * What a client's file really is, judged by its bytes, never by its name or the browser's claim: an allow-list of
 * formats a client sends with an appeal (PDF, JPEG, PNG, TIFF, DOCX, XLSX, UTF-8 text).
 *
 * <p>Seam: the security engineer's content check of case-file uploads (Apache Tika) replaces the body of
 * {@link #detect}; callers keep the method. Until then this is deliberately narrow: legacy Office files (OLE2 .doc/.xls)
 * and macro-enabled Office files are refused, since they can carry macros; a ZIP counts as DOCX/XLSX only when its
 * directory has the parts of one (read from the central directory, nothing is unpacked).
 */
@Component
class UploadCheck {

  static final String PDF = "application/pdf";
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";
  static final String TIFF = "image/tiff";
  static final String TEXT = "text/plain";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static final int MAX_ZIP_ENTRIES = 5_000;

  /** The content type of an allowed format, or empty when the bytes are none of them. */
  Optional<String> detect(byte[] bytes) {
    if (bytes == null || bytes.length < 4) {
      return Optional.empty();
    }
    if (starts(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(PDF);
    }
    if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (starts(bytes, 'I', 'I', 0x2A, 0x00) || starts(bytes, 'M', 'M', 0x00, 0x2A)) {
      return Optional.of(TIFF);
    }
    if (starts(bytes, 'P', 'K', 0x03, 0x04)) {
      return officeOpenXml(bytes);
    }
    return plainText(bytes) ? Optional.of(TEXT) : Optional.empty();
  }

  private static Optional<String> officeOpenXml(byte[] bytes) {
    Path temp = null;
    try {
      temp = Files.createTempFile("client-upload", ".zip");
      Files.write(temp, bytes);
      Set<String> names = new HashSet<>();
      try (ZipFile zip = new ZipFile(temp.toFile())) {
        if (zip.size() > MAX_ZIP_ENTRIES) {
          return Optional.empty();
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          names.add(entries.nextElement().getName().toLowerCase(Locale.ROOT));
        }
      }
      if (!names.contains("[content_types].xml")
          || names.stream().anyMatch(UploadCheck::activeContent)) {
        return Optional.empty();
      }
      if (names.contains("word/document.xml")) {
        return Optional.of(DOCX);
      }
      if (names.contains("xl/workbook.xml")) {
        return Optional.of(XLSX);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not a readable ZIP
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temp directory is cleaned by the system
        }
      }
    }
  }

  /** Macros, ActiveX controls and embedded OLE packages (which can hide programs). */
  private static boolean activeContent(String entry) {
    return entry.endsWith("vbaproject.bin") || entry.contains("activex/") || entry.contains("embeddings/oleobject");
  }

  /** Strict UTF-8 (with or without BOM) without control characters other than tab, line feed, carriage return. */
  private static boolean plainText(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F);
  }

  private static boolean starts(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    byte[] b = new byte[prefix.length];
    for (int i = 0; i < prefix.length; i++) {
      b[i] = (byte) prefix[i];
    }
    return starts(bytes, b);
  }
}

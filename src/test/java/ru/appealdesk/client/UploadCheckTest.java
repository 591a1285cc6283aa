package ru.appealdesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class UploadCheckTest {

  private final UploadCheck check = new UploadCheck();

  @Test
  void allowedFormatsAreRecognisedByTheirBytes() throws IOException {
    assertThat(check.detect("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)))
        .hasValue(UploadCheck.PDF);
    assertThat(check.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}))
        .hasValue(UploadCheck.JPEG);
    assertThat(check.detect(ClientPagesTest.PNG)).hasValue(UploadCheck.PNG);
    assertThat(check.detect(new byte[] {'I', 'I', 0x2A, 0, 8, 0, 0, 0})).hasValue(UploadCheck.TIFF);
    assertThat(check.detect(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")))
        .hasValue(UploadCheck.DOCX);
    assertThat(check.detect(zip("[Content_Types].xml", "xl/workbook.xml", "xl/printerSettings/printerSettings1.bin")))
        .hasValue(UploadCheck.XLSX);
    assertThat(check.detect("Справка из банка, 15.01.2026\r\nСумма: 1000\t₸\n".getBytes(StandardCharsets.UTF_8)))
        .hasValue(UploadCheck.TEXT);
  }

  @Test
  void programsMacrosArchivesAndBinaryJunkAreRefused() throws IOException {
    assertThat(check.detect(ClientPagesTest.EXE)).isEmpty();
    assertThat(check.detect(zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"))).isEmpty();
    assertThat(check.detect(zip("[Content_Types].xml", "word/document.xml", "word/embeddings/oleObject1.bin")))
        .isEmpty();
    assertThat(check.detect(zip("setup.exe", "readme.txt"))).as("a plain ZIP").isEmpty();
    assertThat(check.detect(new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5})).as("a broken ZIP").isEmpty();
    assertThat(check.detect(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1})).as("legacy OLE2 .doc/.xls").isEmpty();
    assertThat(check.detect("<html><script>".getBytes(StandardCharsets.UTF_8)))
        .as("text, stored and downloaded as text/plain").hasValue(UploadCheck.TEXT);
    assertThat(check.detect(new byte[] {'a', 'b', 0, 'c', 'd'})).isEmpty();
    assertThat(check.detect(new byte[] {(byte) 0xC3, (byte) 0x28, 'a', 'b'})).as("not UTF-8").isEmpty();
    assertThat(check.detect(new byte[] {'a'})).isEmpty();
    assertThat(check.detect(null)).isEmpty();
  }

  private static byte[] zip(String... entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String e : entries) {
        zip.putNextEntry(new ZipEntry(e));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}

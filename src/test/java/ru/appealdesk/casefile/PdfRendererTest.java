package ru.appealdesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

  private final PdfRenderer renderer = new PdfRenderer();

  @Test
  void russianAndKazakhLettersRenderAndTheFontIsEmbedded() throws IOException {
    byte[] pdf = renderer.render("Ответ на обращение", "Съешь же ещё этих мягких французских булок.\n"
        + "Қазақ әліпбиі: Ә Ғ Қ Ң Ө Ұ Ү Һ І ә ғ қ ң ө ұ ү һ і");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Ответ на обращение").contains("мягких французских булок")
          .contains("Ә Ғ Қ Ң Ө Ұ Ү Һ І");
      var font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).contains("DejaVuSans");
      assertThat(font.isEmbedded()).isTrue();
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Ответ на обращение");
    }
  }

  @Test
  void longTextWrapsOntoSeveralPagesAndUnknownCharactersDoNotBreakRendering() throws IOException {
    String paragraph = "Очень длинный абзац ответа клиенту, который не помещается в одну строку. ".repeat(40);
    byte[] pdf = renderer.render("Длинный ответ \uD83D\uDE00", (paragraph + "\n").repeat(12) + "Конец \uD83D\uDE00.");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Конец").contains("Длинный ответ");
    }
  }
}

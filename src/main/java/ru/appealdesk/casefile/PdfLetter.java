package ru.appealdesk.casefile;

import java.util.List;

/**
 * What a letter on the company's letterhead consists of, already in the letter's language; {@link PdfRenderer} only
 * lays it out. Null or empty parts are left out.
 *
 * @param documentTitle the PDF's title (document information)
 * @param letterhead the company: logo, name, requisites, addresses and contacts
 * @param references left column under the letterhead: outgoing number and date, the case it answers
 * @param addressee right column: to whom and where
 * @param title the subject line above the text
 * @param body the text; paragraphs separated by line breaks
 * @param signature the signatory's position and full name under the text
 * @param pageLabel footer of a letter of several pages, {@code {page}} and {@code {pages}} replaced
 */
public record PdfLetter(String documentTitle, Letterhead letterhead, List<String> references, List<String> addressee,
    String title, String body, Signature signature, String pageLabel) {

  public PdfLetter {
    references = references == null ? List.of() : List.copyOf(references);
    addressee = addressee == null ? List.of() : List.copyOf(addressee);
  }

  /**
   * @param logo PNG or JPEG bytes, null for none
   * @param name the company's name as it heads the letter
   * @param details requisites, addresses and contacts, one line each (long lines wrap)
   */
  public record Letterhead(byte[] logo, String name, List<String> details) {

    public Letterhead {
      details = details == null ? List.of() : List.copyOf(details);
    }
  }

  /**
   * @param position e.g. «Генеральный директор»; null when unknown
   * @param name the signatory's full name
   */
  public record Signature(String position, String name) {}
}

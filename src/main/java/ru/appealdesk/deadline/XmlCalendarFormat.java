package ru.appealdesk.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the xmlcalendar format ({@code <calendar year="2026" country="ru"><holidays><holiday id title/></holidays>
 * <days><day d="MM.DD" t="1|2|3" h="holiday id" f="MM.DD"/></days></calendar>}). Errors are Russian: an administrator
 * reads them.
 */
final class XmlCalendarFormat {

  private XmlCalendarFormat() {}

  /**
   * @param fallbackCountry used when the file has no {@code country} attribute; may be null
   * @throws IllegalArgumentException with a Russian reason when the file is not a valid calendar
   */
  static CalendarYear parse(InputStream in, Jurisdiction fallbackCountry) {
    Document doc = read(in);
    Element root = doc.getDocumentElement();
    if (!"calendar".equals(root.getTagName())) {
      throw new IllegalArgumentException("Корневой элемент должен быть <calendar>");
    }
    int year;
    try {
      year = Integer.parseInt(root.getAttribute("year").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Атрибут year элемента <calendar> должен быть годом, например 2027");
    }
    Jurisdiction country = fallbackCountry;
    String countryAttr = root.getAttribute("country");
    if (!countryAttr.isBlank()) {
      Jurisdiction fromFile = Jurisdiction.of(countryAttr);
      if (fallbackCountry != null && fromFile != fallbackCountry) {
        throw new IllegalArgumentException("Страна в файле (" + fromFile + ") не совпадает с указанной ("
            + fallbackCountry + ")");
      }
      country = fromFile;
    }
    if (country == null) {
      throw new IllegalArgumentException("Не указана страна: атрибут country (ru/kz) или параметр country");
    }
    Map<String, String> titles = new HashMap<>();
    NodeList holidays = root.getElementsByTagName("holiday");
    for (int i = 0; i < holidays.getLength(); i++) {
      Element h = (Element) holidays.item(i);
      titles.put(h.getAttribute("id"), h.getAttribute("title"));
    }
    List<CalendarDay> days = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    NodeList dayNodes = root.getElementsByTagName("day");
    for (int i = 0; i < dayNodes.getLength(); i++) {
      Element d = (Element) dayNodes.item(i);
      LocalDate date = monthDay(year, d.getAttribute("d"), "d");
      DayType type;
      try {
        type = DayType.ofCode(Integer.parseInt(d.getAttribute("t").trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("День " + d.getAttribute("d") + ": атрибут t должен быть 1, 2 или 3");
      }
      String h = d.getAttribute("h");
      String title = h.isBlank() ? null : titles.getOrDefault(h, null);
      String f = d.getAttribute("f");
      LocalDate movedFrom = f.isBlank() ? null : monthDay(year, f, "f");
      if (!seen.add(date)) {
        throw new IllegalArgumentException("День " + d.getAttribute("d") + " указан дважды");
      }
      days.add(new CalendarDay(date, type, title, movedFrom));
    }
    return new CalendarYear(country, year, days);
  }

  private static LocalDate monthDay(int year, String value, String attribute) {
    String[] parts = value.trim().split("\\.");
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      return LocalDate.of(year, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException | DateTimeException e) {
      throw new IllegalArgumentException("Атрибут " + attribute + "=\"" + value
          + "\" должен быть датой в формате ММ.ДД");
    }
  }

  private static Document read(InputStream in) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      return f.newDocumentBuilder().parse(in);
    } catch (SAXException e) {
      throw new IllegalArgumentException("Файл не является корректным XML: " + e.getMessage());
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalStateException("Cannot read the calendar XML", e);
    }
  }
}

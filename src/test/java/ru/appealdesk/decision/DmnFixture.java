package ru.appealdesk.decision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture of expected decision results typed from SPEC.md (never from the DMN): {@code dmn-fixtures/<key>.csv},
 * separated by {@code ;}, header {@code case;in:<variable>…;out:<output>…}, lines starting with {@code #} are comments.
 * An empty cell is {@code null}; {@code ~} in an input column leaves the variable out; {@code |} separates the values
 * of a COLLECT output.
 */
record DmnFixture(String key, List<Case> cases) {

  static final String ABSENT = "~";

  record Case(String name, Map<String, Object> inputs, Map<String, String> expected) {}

  static DmnFixture load(String key) {
    String path = "/dmn-fixtures/" + key + ".csv";
    try (InputStream in = DmnFixture.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("fixture missing: " + path);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      String[] header = lines.get(0).split(";", -1);
      List<Case> cases = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(";", -1);
        if (cells.length != header.length) {
          throw new IllegalStateException(path + ": " + cells.length + " cells instead of " + header.length + ": " + line);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 1; i < header.length; i++) {
          String column = header[i];
          String cell = cells[i].trim();
          if (column.startsWith("in:")) {
            if (!cell.equals(ABSENT)) {
              inputs.put(column.substring(3), typed(cell));
            }
          } else if (column.startsWith("out:")) {
            expected.put(column.substring(4), cell.isEmpty() ? null : cell);
          } else {
            throw new IllegalStateException(path + ": column must start with in: or out: — " + column);
          }
        }
        cases.add(new Case(cells[0], inputs, expected));
      }
      return new DmnFixture(key, cases);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Booleans and numbers as the engine receives them from a process (numbers as {@link BigDecimal}, which is what
   * {@code restructuring.IncomeDrop} computes); everything else is a string.
   */
  static Object typed(String cell) {
    if (cell.isEmpty()) {
      return null;
    }
    if (cell.equals("true") || cell.equals("false")) {
      return Boolean.valueOf(cell);
    }
    if (cell.matches("-?\\d+(\\.\\d+)?")) {
      return new BigDecimal(cell);
    }
    return cell;
  }

  static List<String> collected(String expected) {
    return expected == null ? List.of() : Arrays.asList(expected.split("\\|"));
  }
}

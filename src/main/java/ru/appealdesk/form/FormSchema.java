package ru.appealdesk.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A deployed Camunda Form (form-js JSON, read with Jackson: there is no form-js library for Java): its id and its
 * component tree. Components are kept as JSON so that properties of any form-js version are read as they were
 * written; {@link FormRules} decides what they mean.
 */
final class FormSchema {

  /** Component types that hold other components: a group (optionally with a data {@code path}) and a dynamic list. */
  static final Set<String> CONTAINERS = Set.of("group", "dynamiclist");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final JsonNode root;

  private FormSchema(JsonNode root) {
    this.root = root;
    this.id = root.path("id").asText(null);
  }

  static FormSchema parse(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.path("components").isArray()) {
        throw new IllegalArgumentException("Not a Camunda Form: no components");
      }
      return new FormSchema(root);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a Camunda Form: " + e.getMessage(), e);
    }
  }

  static FormSchema of(JsonNode root) {
    return new FormSchema(root);
  }

  String id() {
    return id;
  }

  int schemaVersion() {
    return root.path("schemaVersion").asInt(0);
  }

  JsonNode components() {
    return root.path("components");
  }

  static String type(JsonNode component) {
    return component.path("type").asText("");
  }

  /** The data key of an input field (a path like {@code address.street} in form-js ≥ 1.0), null for display items. */
  static String key(JsonNode component) {
    String key = component.path("key").asText(null);
    return key == null || key.isBlank() ? null : key;
  }

  /** The data path a group or dynamic list puts its children under, null for a group without one. */
  static String path(JsonNode component) {
    String path = component.path("path").asText(null);
    return path == null || path.isBlank() ? null : path;
  }

  /** The text the employee sees next to the field (date-time fields have date/time labels instead of a label). */
  static String rawLabel(JsonNode component) {
    for (String p : List.of("label", "dateLabel", "timeLabel")) {
      String s = component.path(p).asText("").strip();
      if (!s.isEmpty()) {
        return s.endsWith(":") ? s.substring(0, s.length() - 1).strip() : s;
      }
    }
    return null;
  }

  /**
   * The label of the field with this data path ({@code answerText}, {@code items[2].amount} or
   * {@code items.amount}), searched through groups and dynamic lists; empty when the form has no such field.
   */
  Optional<String> labelOf(String field) {
    if (field == null) {
      return Optional.empty();
    }
    String wanted = field.replaceAll("\\[\\d+]", "");
    return find(components(), "", wanted).map(c -> {
      String label = rawLabel(c);
      return label == null || Feel.isExpression(label) ? null : label;
    });
  }

  /** Every input field of the form with its full data path (containers flattened). */
  List<JsonNode> fields() {
    List<JsonNode> out = new ArrayList<>();
    collect(components(), out);
    return out;
  }

  private static void collect(JsonNode components, List<JsonNode> out) {
    for (JsonNode c : components) {
      if (CONTAINERS.contains(type(c))) {
        collect(c.path("components"), out);
      } else if (key(c) != null) {
        out.add(c);
      }
    }
  }

  private static Optional<JsonNode> find(JsonNode components, String prefix, String wanted) {
    for (JsonNode c : components) {
      if (CONTAINERS.contains(type(c))) {
        String path = path(c);
        String inner = path == null ? prefix : prefix + path + ".";
        if (path != null && wanted.equals(prefix + path)) {
          return Optional.of(c);
        }
        Optional<JsonNode> found = find(c.path("components"), inner, wanted);
        if (found.isPresent()) {
          return found;
        }
      } else if (key(c) != null && wanted.equals(prefix + key(c))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}

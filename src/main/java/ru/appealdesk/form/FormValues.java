package ru.appealdesk.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Process variables as the form sees its data: plain Java values (String, Number, Boolean, Date, List, Map) whatever
 * wrote them — Tasklist (strings, numbers, booleans, JSON variables for checklists and objects), the engine REST API or
 * Java code (collections, dates). Serialized JSON (Spin {@code Json} or {@code Object} variables in JSON format) is
 * read as lists and maps; other serialized objects are {@link #OPAQUE} (present, but not form data).
 */
final class FormValues {

  /** A value that exists but is no form data (a Java-serialized object, a file). */
  static final Object OPAQUE = new Object() {
    @Override
    public String toString() {
      return "<opaque>";
    }
  };

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  /**
   * The variables of a task or an execution (all scopes) as plain values. Read without deserializing, so that one
   * object the application cannot read does not break every completion; Java objects are then deserialized one by one
   * (a checklist a Java caller set as a {@code List}).
   */
  static Map<String, Object> of(VariableScope scope) {
    Map<String, Object> out = plain(scope.getVariablesTyped(false));
    out.replaceAll((name, value) -> value == OPAQUE ? deserialized(scope, name) : value);
    return out;
  }

  private static Object deserialized(VariableScope scope, String name) {
    try {
      Object value = plainValue(scope.getVariableTyped(name, true));
      return value == null ? OPAQUE : value;
    } catch (RuntimeException e) {
      return OPAQUE;
    }
  }

  /** Variables (typed, possibly not deserialized) as plain values; always a new, mutable map. */
  static Map<String, Object> plain(Map<String, ?> variables) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (variables instanceof VariableMap typed) {
      // a VariableMap's entries answer the untyped value, which throws for an object that is not deserialized
      typed.keySet().forEach(name -> out.put(name, plainValue(typed.getValueTyped(name))));
    } else {
      variables.forEach((name, value) -> out.put(name, plainValue(value)));
    }
    return out;
  }

  static Object plainValue(Object value) {
    if (value instanceof TypedValue typed) {
      return typedValue(typed);
    }
    return plainObject(value);
  }

  private static Object typedValue(TypedValue typed) {
    if (typed instanceof SerializableValue s && !s.isDeserialized()) {
      String serialized = s.getValueSerialized();
      String format = s.getSerializationDataFormat();
      if (serialized != null && format != null && format.toLowerCase().contains("json")) {
        return json(serialized);
      }
      return serialized == null ? null : OPAQUE;
    }
    return plainObject(typed.getValue());
  }

  private static Object plainObject(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number
        || value instanceof Date) {
      return value;
    }
    if (value instanceof JsonNode node) {
      return JSON.convertValue(node, Object.class);
    }
    if (value instanceof Collection<?> c) {
      List<Object> list = new ArrayList<>(c.size());
      c.forEach(o -> list.add(plainObject(o)));
      return list;
    }
    if (value instanceof Object[] array) {
      List<Object> list = new ArrayList<>(array.length);
      for (Object o : array) {
        list.add(plainObject(o));
      }
      return list;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> map = new LinkedHashMap<>();
      m.forEach((k, v) -> map.put(String.valueOf(k), plainObject(v)));
      return map;
    }
    if (value instanceof SpinJsonNode node) {
      return json(node.toString());
    }
    return OPAQUE;
  }

  /** JSON text as plain values; text that is not JSON stays the string it is. */
  static Object json(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return text;
    }
  }
}

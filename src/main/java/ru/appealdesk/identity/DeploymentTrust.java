package ru.appealdesk.identity;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Code in a model runs with the engine's full rights (no authorization check applies to an expression, a script or a
 * Java class), so deploying code is administrator-level trust. A deployment made by anyone who is not in
 * {@code camunda-admin} is refused (400 with a Russian reason, which Camunda Modeler shows) when it contains:
 * <ul>
 *   <li>scripts: script tasks, {@code camunda:script} in listeners and input/output mappings, conditions in a script
 *       language, DMN expressions in any language but FEEL;</li>
 *   <li>Java classes: {@code camunda:class} anywhere;</li>
 *   <li>expressions that reach the engine or the JVM ({@code execution.processEngineServices},
 *       {@code getProcessEngine()}, {@code getClass()}, …) or name a bean that is not one of the application's own
 *       (engine services, data sources, the Spring context);</li>
 *   <li>browser code: HTML or JavaScript resources and {@code embedded:deployment:} forms (they would run in every
 *       employee's Tasklist with that employee's rights).</li>
 * </ul>
 * The application's own deployment at start-up (no authenticated user) and administrators' deployments pass. It runs
 * as a pre-deployer, before the engine parses anything, like the decision tables' legal ceiling.
 */
class DeploymentTrust implements Deployer {

  /** Member names that lead from a variable to the engine, its configuration or the JVM. */
  static final Set<String> FORBIDDEN_MEMBERS = Set.of("getProcessEngineServices", "processEngineServices",
      "getProcessEngine", "processEngine", "getProcessEngineConfiguration", "processEngineConfiguration",
      "getClass", "class", "forName", "getClassLoader", "classLoader", "getContextClassLoader", "newInstance",
      "getDeclaredMethod", "getDeclaredField", "getMethod", "getField", "invoke", "getRuntime", "exec",
      "getBean", "getBeanFactory", "getApplicationContext", "getEnvironment", "getServletContext");
  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "div",
      "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");
  private static final Set<String> FEEL = Set.of("feel", "feel-scala", "feel-juel",
      "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/feel/20140401",
      "https://www.omg.org/spec/feel/20140401", "http://www.omg.org/spec/dmn/20180521/feel/");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("(\\.\\s*)?([A-Za-z_$][A-Za-z0-9_$]*)");

  /** Whether a name is a bean of the application itself (delegates, {@code deadlines} …), which expressions may use. */
  private final Predicate<String> applicationBean;
  /** Whether a name is any bean at all (the rest are process variables). */
  private final Predicate<String> anyBean;

  DeploymentTrust(Predicate<String> applicationBean, Predicate<String> anyBean) {
    this.applicationBean = applicationBean;
    this.anyBean = anyBean;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Authentication deployer = Context.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
    if (deployer == null || deployer.getUserId() == null || isAdmin(deployer)) {
      return;
    }
    List<String> findings = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      findings.addAll(check(resource.getName(), resource.getBytes()));
    }
    if (!findings.isEmpty()) {
      throw new UntrustedDeploymentException(message(findings));
    }
  }

  /** Whether the deployer is an administrator ({@code camunda-admin}, by the authentication or the membership). */
  static boolean isAdmin(Authentication deployer) {
    if (deployer.getGroupIds() != null && deployer.getGroupIds().contains(AppGroup.CAMUNDA_ADMIN)) {
      return true;
    }
    return Context.getCommandContext().getReadOnlyIdentityProvider().createGroupQuery()
        .groupMember(deployer.getUserId()).groupId(AppGroup.CAMUNDA_ADMIN).count() > 0;
  }

  /** What in this resource only an administrator may deploy (Russian, one line each). */
  List<String> check(String name, byte[] bytes) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml") || lower.endsWith(".js")
        || lower.endsWith(".mjs") || lower.endsWith(".svg")) {
      return List.of("«" + name + "»: код для браузера (HTML, JavaScript, SVG) выполняется в Tasklist у каждого "
          + "сотрудника");
    }
    boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
    if (!(lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml") || lower.endsWith(".cmmn")
        || lower.endsWith(".cmmn11.xml") || dmn)) {
      return List.of();
    }
    List<String> findings = new ArrayList<>();
    try {
      scan(name, bytes, dmn, findings);
    } catch (XMLStreamException e) {
      // not readable XML: the engine's own parser reports it with the line number
    }
    return findings;
  }

  private void scan(String name, byte[] bytes, boolean dmn, List<String> findings) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    String element = null;
    String elementId = null;
    List<String> stack = new ArrayList<>();
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          element = xml.getLocalName();
          String id = xml.getAttributeValue(null, "id");
          elementId = id != null ? id : stack.isEmpty() ? null : stack.get(stack.size() - 1);
          stack.add(elementId);
          String where = "«" + name + "»" + (elementId == null ? "" : ", элемент «" + elementId + "»");
          if ("scriptTask".equals(element) && !dmn) {
            findings.add(where + ": скриптовая задача");
          }
          if ("script".equals(element) && CAMUNDA_NS.equals(xml.getNamespaceURI())) {
            findings.add(where + ": скрипт (camunda:script)");
          }
          for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attribute = xml.getAttributeLocalName(i);
            String value = xml.getAttributeValue(i);
            if ("class".equals(attribute) && CAMUNDA_NS.equals(xml.getAttributeNamespace(i))) {
              findings.add(where + ": Java-класс (camunda:class=\"" + abbreviate(value) + "\")");
            } else if (("language".equals(attribute) || "scriptFormat".equals(attribute)) && !dmn) {
              findings.add(where + ": скрипт на языке «" + abbreviate(value) + "»");
            } else if ("expressionLanguage".equals(attribute) && dmn && !isFeel(value)) {
              findings.add(where + ": выражения на языке «" + abbreviate(value) + "» (допустим только FEEL)");
            } else if ("formKey".equals(attribute) && value != null && value.contains("embedded:deployment:")) {
              findings.add(where + ": встроенная HTML-форма из развёртывания (" + abbreviate(value) + ")");
            } else {
              expressions(where, value, findings);
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (!stack.isEmpty()) {
            stack.remove(stack.size() - 1);
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          String where = "«" + name + "»" + (stack.isEmpty() || stack.get(stack.size() - 1) == null ? ""
              : ", элемент «" + stack.get(stack.size() - 1) + "»");
          expressions(where, xml.getText(), findings);
        }
      }
    } finally {
      xml.close();
    }
  }

  private static boolean isFeel(String language) {
    return language == null || FEEL.contains(language.strip().toLowerCase(Locale.ROOT));
  }

  /** Checks every {@code ${…}} / {@code #{…}} in a text. */
  void expressions(String where, String text, List<String> findings) {
    if (text == null) {
      return;
    }
    Matcher start = EXPRESSION.matcher(text);
    while (start.find()) {
      int end = closing(text, start.end());
      String body = text.substring(start.end(), end < 0 ? text.length() : end);
      String problem = problem(body);
      if (problem != null) {
        findings.add(where + ": выражение «" + abbreviate(text.substring(start.start(),
            end < 0 ? text.length() : end + 1)) + "» " + problem);
      }
    }
  }

  /** Why this expression body is refused, or null. */
  String problem(String body) {
    Matcher literal = STRING_LITERAL.matcher(body);
    while (literal.find()) {
      String content = literal.group().substring(1, literal.group().length() - 1).strip();
      if (FORBIDDEN_MEMBERS.contains(content)) {
        return "обращается к «" + content + "» (службы движка, классы Java)";
      }
    }
    String code = literal.replaceAll("''");
    Matcher id = IDENTIFIER.matcher(code);
    while (id.find()) {
      String name = id.group(2);
      boolean member = id.group(1) != null;
      if (member && FORBIDDEN_MEMBERS.contains(name)) {
        return "обращается к «" + name + "» (службы движка, классы Java)";
      }
      if (!member && !KEYWORDS.contains(name) && !Character.isDigit(name.charAt(0)) && anyBean.test(name)
          && !applicationBean.test(name)) {
        return "использует компонент «" + name + "», который не входит в приложение (службы движка, база данных)";
      }
    }
    return null;
  }

  /** Index of the {@code }} that closes an expression opened just before {@code from}, or -1. */
  private static int closing(String text, int from) {
    int depth = 1;
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 80 ? one : one.substring(0, 79) + "…";
  }

  static String message(List<String> findings) {
    List<String> shown = findings.size() > 10 ? findings.subList(0, 10) : findings;
    return "Развёртывание отклонено: модели содержат код, который может развернуть только администратор "
        + "(группа camunda-admin), потому что он выполняется с полными правами движка: " + String.join("; ", shown)
        + (findings.size() > shown.size() ? "; и ещё " + (findings.size() - shown.size()) : "")
        + ". Используйте делегаты приложения (camunda:delegateExpression=\"${…}\") или попросите администратора "
        + "развернуть эти файлы.";
  }

  /** A 400 for Camunda REST (and so for Modeler). */
  static class UntrustedDeploymentException extends BadUserRequestException {
    UntrustedDeploymentException(String message) {
      super(message);
    }
  }
}

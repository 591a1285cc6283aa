package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Camunda Tasklist as an employee uses it: log in, pick a filter, open, claim and complete a task with its form. */
final class Tasklist {

  private final Page page;
  private final String baseUrl;
  private final String scenario;
  private int step;

  Tasklist(Page page, String baseUrl, String scenario) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.scenario = scenario;
  }

  Page page() {
    return page;
  }

  /**
   * Logs in as an employee would: only once Tasklist has loaded its scripts (on a busy machine the login form is
   * visible before its bindings are, and a form filled that early is sent empty). A failed login leaves a screenshot.
   */
  Tasklist login(String user, String password) {
    page.navigate(baseUrl + "/camunda/app/tasklist/default/");
    page.waitForLoadState(LoadState.NETWORKIDLE);
    page.getByPlaceholder("Имя пользователя").fill(user);
    page.getByPlaceholder("Пароль").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
    try {
      assertThat(page.locator(".task-filter").first()).isVisible();
    } catch (AssertionError e) {
      Chromium.screenshot(page, scenario + "-login-failed");
      throw e;
    }
    return this;
  }

  /** Clicks a filter of the left column by its name ("Задачи группы" …). */
  Tasklist openFilter(String name) {
    filter(name).locator("h4.name a").click();
    assertThat(filter(name)).hasClass(Pattern.compile("\\bactive\\b"));
    String id = filterId(name);
    page.waitForURL(Pattern.compile(".*[?&]filter=" + id + "\\b.*"));
    return this;
  }

  /** The id of a filter as Tasklist knows it (from the REST API the page itself uses). */
  private String filterId(String name) {
    Object id = page.evaluate("async (name) => { const r = await fetch('" + baseUrl
        + "/camunda/api/engine/engine/default/filter?resourceType=Task', {headers: {Accept: 'application/json'}});"
        + " return (await r.json()).find(f => f.name === name).id; }", name);
    return String.valueOf(id);
  }

  /** The filter entry of the left column (its name, description tooltip, counter when focused). */
  Locator filter(String name) {
    return page.locator(".task-filter").filter(new Locator.FilterOptions()
        .setHas(page.locator("h4.name", new Page.LocatorOptions().setHasText(name))));
  }

  /**
   * Narrows the current filter's list to one case, as an employee does with the search box ("Process Instance Business
   * Key" = the case number): a busy queue pages after 15 tasks.
   */
  Tasklist searchCase(String businessKey) {
    String pill = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + businessKey
        + "\",\"name\":\"\"}]";
    String encoded = URLEncoder.encode(pill, StandardCharsets.UTF_8).replace("+", "%20");
    String url = page.url();
    url = url.contains("searchQuery=") ? url.replaceFirst("searchQuery=[^&]*", "searchQuery=" + encoded)
        : url + (url.contains("?") ? "&" : "?") + "searchQuery=" + encoded;
    page.navigate(url);
    assertThat(page.locator("[cam-widget-search-pill], .search-pill, .cam-widget-search-pill").first()).isVisible();
    return this;
  }

  /**
   * Types a text into "Поиск задач" and presses Enter, as an employee looks a case up by its number: the default
   * criterion of the search box is the case number (business key, LIKE).
   */
  Tasklist search(String text) {
    Locator box = page.locator("[cam-widget-search] input.main-field");
    box.click();
    box.fill(text);
    box.press("Enter");
    assertThat(page.locator("[cam-widget-search-pill], .search-pill, .cam-widget-search-pill").first()).isVisible();
    return this;
  }

  /** The number shown next to a filter's name ("(3)"), whether or not it is the selected filter. */
  Locator filterCount(String name) {
    return filter(name).locator(".appealdesk-count:visible, .counter:visible").filter(new Locator.FilterOptions()
        .setHasText(Pattern.compile("\\d+")));
  }

  /** Opens the «Дело» tab of the open task. */
  Locator openCaseCard() {
    page.locator(".nav-tabs li a").filter(new Locator.FilterOptions().setHasText("Дело")).click();
    Locator card = page.locator(".appealdesk-case-card");
    assertThat(card.locator(".adc-title")).isVisible();
    return card;
  }

  /** The task of the current filter's list whose name and shown variables contain all the given texts. */
  Locator taskInList(String... texts) {
    Locator items = page.locator("li.task");
    for (String t : texts) {
      items = items.filter(new Locator.FilterOptions().setHasText(t));
    }
    return items;
  }

  Tasklist openTask(String... texts) {
    Locator item = taskInList(texts);
    assertThat(item).hasCount(1);
    item.locator("h4.task a").click();
    return this;
  }

  Tasklist claim() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Взять в работу")).click();
    assertThat(form()).isVisible();
    return this;
  }

  Locator form() {
    return page.locator("form.fjs-form");
  }

  /** The form field with this label (input, textarea, select). */
  Locator field(String label) {
    return form().getByLabel(label, new Locator.GetByLabelOptions().setExact(false)).first();
  }

  /** Types into a field and stays in it: form-js validates on leaving, so "Завершить" is still enabled. */
  Tasklist type(String label, String value) {
    field(label).fill(value);
    return this;
  }

  /** Types into a field and leaves it, so form-js (which debounces typing) has taken the value. */
  Tasklist fill(String label, String value) {
    Locator f = field(label);
    f.fill(value);
    f.blur();
    assertThat(f).hasValue(value);
    page.waitForTimeout(400);
    return this;
  }

  /** Picks an option of a form-js select (a drop-down list, not a native select) by its label. */
  Tasklist choose(String label, String option) {
    Locator container = form().locator(".fjs-form-field").filter(new Locator.FilterOptions()
        .setHas(page.locator("label", new Page.LocatorOptions().setHasText(label))));
    container.locator(".fjs-input-group").first().click();
    container.locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions().setHasText(option)).first().click();
    return this;
  }

  /** Ticks a radio button or checklist entry by the option's label, inside the field with this label. */
  Tasklist tick(String fieldLabel, String option) {
    Locator container = form().locator(".fjs-form-field").filter(new Locator.FilterOptions()
        .setHas(page.locator(".fjs-form-field-label", new Page.LocatorOptions().setHasText(fieldLabel))));
    container.getByLabel(option, new Locator.GetByLabelOptions().setExact(false)).first().check();
    return this;
  }

  /** Clicks "Завершить" (the form must then disappear for a valid form, or show its errors). */
  Tasklist pressComplete() {
    completeButton().click();
    return this;
  }

  Locator completeButton() {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Завершить"));
  }

  Locator fieldErrors() {
    return form().locator(".fjs-form-field-error");
  }

  Tasklist logout() {
    page.navigate(baseUrl + "/camunda/app/tasklist/default/#/logout");
    assertThat(page.getByPlaceholder("Имя пользователя")).isVisible();
    return this;
  }

  /** Continues the screenshot numbering of another page of the same scenario. */
  Tasklist step(int done) {
    step = done;
    return this;
  }

  /** Screenshot {@code target/e2e/<scenario>-<nn>-<what>.png}. */
  Tasklist shot(String what) {
    step++;
    page.mouse().move(1, 890); // no tooltip over the picture
    page.waitForTimeout(400);
    Chromium.screenshot(page, "%s-%02d-%s".formatted(scenario, step, what));
    return this;
  }
}

package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

  Tasklist login(String user, String password) {
    page.navigate(baseUrl + "/camunda/app/tasklist/default/");
    page.getByPlaceholder("Username").fill(user);
    page.getByPlaceholder("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(page.locator(".task-filter").first()).isVisible();
    return this;
  }

  /** Clicks a filter of the left column by its name ("Задачи группы" …). */
  Tasklist openFilter(String name) {
    filter(name).locator("h4.name a").click();
    assertThat(filter(name)).hasClass(Pattern.compile("\\bactive\\b"));
    return this;
  }

  /** The filter entry of the left column (its name, description tooltip, counter when focused). */
  Locator filter(String name) {
    return page.locator(".task-filter").filter(new Locator.FilterOptions()
        .setHas(page.locator("h4.name", new Page.LocatorOptions().setHasText(name))));
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
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim")).click();
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

  Tasklist fill(String label, String value) {
    field(label).fill(value);
    return this;
  }

  /** Clicks "Complete" (the form must then disappear for a valid form, or show its errors). */
  Tasklist pressComplete() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    return this;
  }

  Locator fieldErrors() {
    return form().locator(".fjs-form-field-error");
  }

  Tasklist logout() {
    page.navigate(baseUrl + "/camunda/app/tasklist/default/#/logout");
    assertThat(page.getByPlaceholder("Username")).isVisible();
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
    Chromium.screenshot(page, "%s-%02d-%s".formatted(scenario, step, what));
    return this;
  }
}

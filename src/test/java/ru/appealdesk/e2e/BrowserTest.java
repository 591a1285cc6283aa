package ru.appealdesk.e2e;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opentest4j.TestAbortedException;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * A browser test class: one Debian Chromium for the class, and the case the test created ({@link #caseNumber}) ended
 * after each test so the shared database keeps no half-worked cases. Without Chromium (outside CI) every test is
 * reported as skipped, with the reason, instead of the class disappearing from the report with no tests at all.
 */
abstract class BrowserTest extends AbstractIntegrationTest {

  static Chromium chromium;
  private static String noBrowser;

  @Autowired
  protected RuntimeService runtimeService;

  /** The business key of the case the test created, if any. */
  protected String caseNumber;

  @BeforeAll
  static void startBrowser() {
    try {
      chromium = Chromium.launch();
      noBrowser = null;
    } catch (TestAbortedException e) {
      noBrowser = e.getMessage();
    }
  }

  @BeforeEach
  void skipWithoutBrowser() {
    Assumptions.assumeTrue(noBrowser == null, () -> noBrowser);
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
      chromium = null;
    }
  }

  @AfterEach
  void endTheCase() {
    if (caseNumber != null) {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
          .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "E2E test finished"));
      caseNumber = null;
    }
  }
}

package ru.appealdesk.retention;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/retention/run} (admins): runs the retention job now and says how many cases it anonymised. */
@RestController
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class RetentionController {

  private final Retention retention;

  RetentionController(Retention retention) {
    this.retention = retention;
  }

  @PostMapping("/api/retention/run")
  Map<String, Object> run() {
    Retention.Result r = retention.run();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("anonymised", r.anonymised());
    body.put("appeals", r.appeals());
    body.put("restructurings", r.restructurings());
    body.put("period", r.period());
    body.put("closedBefore", r.cutoff().toString());
    return body;
  }
}

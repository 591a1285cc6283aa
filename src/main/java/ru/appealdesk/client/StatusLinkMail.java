package ru.appealdesk.client;

import java.time.Instant;
import org.springframework.stereotype.Component;
import ru.appealdesk.appeal.Appeal;
import ru.appealdesk.appeal.AppealStatusChanged;
import ru.appealdesk.delivery.ClientNotifications;

/**
 * The e-mail with the number and the status link after an appeal came in on the public page
 * ({@code templates/client/appeal-accepted_<ru|kk>.txt}), queued in the client-notification outbox of the delivery
 * package, so it is sent, retried and recorded like every status e-mail. Nothing when the client gave no e-mail.
 */
@Component
public class StatusLinkMail {

  static final String TEMPLATE = "client/appeal-accepted";

  private final ClientNotifications outbox;
  private final StatusLinks links;

  StatusLinkMail(ClientNotifications outbox, StatusLinks links) {
    this.outbox = outbox;
    this.links = links;
  }

  /** Queues the link for this appeal (the caller's request gives the address when no public URL is configured). */
  public void enqueue(Appeal appeal) {
    var client = appeal.getClient();
    if (client == null || client.getEmail() == null || client.getEmail().isBlank()) {
      return;
    }
    outbox.enqueueMessage(TEMPLATE, new AppealStatusChanged(appeal.getNumber(), appeal.getJurisdiction().name(),
            appeal.getStatus().name(), appeal.getLanguage(), client.getEmail(), client.getFullName(), Instant.now()),
        links.absolute(appeal.getNumber(), appeal.getStatusToken()));
  }
}

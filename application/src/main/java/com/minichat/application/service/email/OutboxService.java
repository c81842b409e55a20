package com.minichat.application.service.email;

import com.minichat.application.port.in.email.ReadOutboxUseCase;
import com.minichat.application.port.out.email.EmailMessage;
import com.minichat.application.port.out.email.MailOutbox;
import java.util.List;

/** Reads the development outbox, newest mail first. */
public final class OutboxService implements ReadOutboxUseCase {
  private final MailOutbox outbox;

  public OutboxService(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public List<EmailMessage> recent() {
    return outbox.messages().reversed();
  }
}

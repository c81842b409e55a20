package com.minichat.adapters.http.dev;

import com.minichat.adapters.http.support.Envelope;
import com.minichat.application.port.in.email.ReadOutboxUseCase;
import com.minichat.application.port.out.email.EmailMessage;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/**
 * The development outbox: e-mails MiniChat would have sent, readable without a mail server. Only
 * registered when running in development without SMTP.
 */
public final class OutboxRoutes {
  private final ReadOutboxUseCase outbox;
  private final Envelope envelope;

  public OutboxRoutes(ReadOutboxUseCase outbox, Envelope envelope) {
    this.outbox = outbox;
    this.envelope = envelope;
  }

  /** One kept e-mail. */
  public record MailResponse(String to, String subject, String text, String html) {
    static MailResponse from(EmailMessage mail) {
      return new MailResponse(mail.to(), mail.subject(), mail.text(), mail.html());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get(
        "/api/v1/dev/outbox",
        ctx ->
            envelope.ok(
                ctx,
                Map.of("messages", outbox.recent().stream().map(MailResponse::from).toList())));
  }
}

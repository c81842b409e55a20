package com.minichat.application.service.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.minichat.application.port.out.email.EmailMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxServiceTest {
  private static EmailMessage mail(String subject) {
    return new EmailMessage("a@example.com", subject, "text", "<p>html</p>");
  }

  @Test
  void listsTheKeptMailsNewestFirst() {
    List<EmailMessage> kept =
        new ArrayList<>(List.of(mail("first"), mail("second"), mail("third")));
    OutboxService service = new OutboxService(() -> List.copyOf(kept));

    assertEquals(List.of(mail("third"), mail("second"), mail("first")), service.recent());

    kept.add(mail("fourth"));
    assertEquals(mail("fourth"), service.recent().getFirst());
  }

  @Test
  void anEmptyOutboxListsNothing() {
    assertEquals(List.of(), new OutboxService(List::of).recent());
  }

  @Test
  void theOutboxItselfIsNotReordered() {
    List<EmailMessage> kept = new ArrayList<>(List.of(mail("first"), mail("second")));
    OutboxService service = new OutboxService(() -> kept);

    service.recent();

    assertEquals(List.of(mail("first"), mail("second")), kept);
  }
}

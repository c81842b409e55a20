package com.minichat.adapters.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.minichat.application.port.out.email.EmailMessage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OutboxEmailSenderTest {

  private static EmailMessage message(int n) {
    return new EmailMessage(
        "user" + n + "@example.com",
        "Subject " + n,
        "text body " + n,
        "<p>html body " + n + "</p>");
  }

  @Test
  void keepsMessagesInOrder() {
    OutboxEmailSender outbox = new OutboxEmailSender();
    outbox.send(message(1));
    outbox.send(message(2));

    assertEquals(List.of(message(1), message(2)), outbox.messages());
  }

  @Test
  void keepsOnlyTheMostRecentMessagesUpToItsCapacity() {
    OutboxEmailSender outbox = new OutboxEmailSender(3);
    for (int i = 1; i <= 5; i++) {
      outbox.send(message(i));
    }

    assertEquals(List.of(message(3), message(4), message(5)), outbox.messages());
  }

  @Test
  void defaultCapacityIsTwoHundred() {
    OutboxEmailSender outbox = new OutboxEmailSender();
    for (int i = 0; i < 250; i++) {
      outbox.send(message(i));
    }

    assertEquals(200, outbox.messages().size());
    assertEquals(message(50), outbox.messages().getFirst());
  }

  @Test
  void messagesReturnsAnIndependentCopy() {
    OutboxEmailSender outbox = new OutboxEmailSender();
    outbox.send(message(1));
    List<EmailMessage> snapshot = outbox.messages();
    outbox.send(message(2));

    assertEquals(1, snapshot.size());
    assertThrows(UnsupportedOperationException.class, () -> snapshot.add(message(3)));
  }

  @Test
  void clearForgetsEverything() {
    OutboxEmailSender outbox = new OutboxEmailSender();
    outbox.send(message(1));
    outbox.clear();

    assertTrue(outbox.messages().isEmpty());
  }

  @Test
  void concurrentSendersNeitherLoseNorOverfill() throws Exception {
    OutboxEmailSender outbox = new OutboxEmailSender(500);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures =
          java.util.stream.IntStream.range(0, 8)
              .<Future<?>>mapToObj(
                  t ->
                      pool.submit(
                          () -> {
                            for (int i = 0; i < 100; i++) {
                              outbox.send(message(t * 1000 + i));
                              outbox.messages();
                            }
                          }))
              .toList();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    assertEquals(500, outbox.messages().size());
  }

  @Test
  void logsRecipientAndSubjectButNeverTheBody() {
    try (LogCapture log = new LogCapture(OutboxEmailSender.class)) {
      new OutboxEmailSender()
          .send(
              new EmailMessage(
                  "somchai@example.com",
                  "ยืนยันอีเมล",
                  "secret-link-123",
                  "<a href=\"https://x/secret-link-123\">ยืนยัน</a>"));

      List<String> lines = log.messages(Level.INFO);
      assertEquals(1, lines.size());
      assertTrue(lines.getFirst().contains("somchai@example.com"), lines.getFirst());
      assertTrue(lines.getFirst().contains("ยืนยันอีเมล"), lines.getFirst());
      assertFalse(log.everything().contains("secret-link-123"));
    }
  }

  @Test
  void rejectsNonPositiveCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new OutboxEmailSender(0));
  }
}

package com.minichat.adapters.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.minichat.application.port.out.email.EmailMessage;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpEmailSenderTest {
  private static final String PASSWORD = "s3cret-pass";
  private static final String THAI_SUBJECT = "ยืนยันอีเมลของคุณ – MiniChat";
  private static final String THAI_TEXT =
      "สวัสดีค่ะ กรุณายืนยันอีเมลของคุณ: https://minichat.example/v/abc";
  private static final String THAI_HTML =
      "<p>สวัสดีค่ะ <a href=\"https://minichat.example/v/abc\">ยืนยันอีเมล</a> ภายใน ๒๔ ชั่วโมง</p>";
  private static final EmailMessage THAI_MESSAGE =
      new EmailMessage("somchai@example.com", THAI_SUBJECT, THAI_TEXT, THAI_HTML);

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("mailer@example.com", "mailer", PASSWORD));

  private static String greenMailUrl() {
    return "smtp://mailer:" + PASSWORD + "@127.0.0.1:" + GREEN_MAIL.getSmtp().getPort();
  }

  private static SmtpEmailSender fastSender(String url, boolean startTls) {
    return new SmtpEmailSender(
        SmtpEndpoint.parse(url, startTls),
        "MiniChat ทีมงาน <noreply@minichat.example>",
        Duration.ofMillis(20),
        Duration.ofMillis(300));
  }

  @Test
  void thaiSubjectAndBothBodiesArriveIntact() throws Exception {
    try (LogCapture log = new LogCapture(SmtpEmailSender.class)) {
      try (SmtpEmailSender sender = fastSender(greenMailUrl(), false)) {
        sender.send(THAI_MESSAGE);
      } // close() waits for delivery

      MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
      assertEquals(1, received.length);
      MimeMessage mail = received[0];
      assertEquals(THAI_SUBJECT, mail.getSubject());
      assertEquals(
          "somchai@example.com", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
      InternetAddress from = (InternetAddress) mail.getFrom()[0];
      assertEquals("noreply@minichat.example", from.getAddress());
      assertEquals("MiniChat ทีมงาน", from.getPersonal());

      MimeMultipart parts = assertInstanceOf(MimeMultipart.class, mail.getContent());
      assertTrue(
          parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
      assertEquals(2, parts.getCount());
      assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
      assertTrue(parts.getBodyPart(0).getContentType().toUpperCase().contains("UTF-8"));
      assertEquals(THAI_TEXT, parts.getBodyPart(0).getContent());
      assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
      assertTrue(parts.getBodyPart(1).getContentType().toUpperCase().contains("UTF-8"));
      assertEquals(THAI_HTML, parts.getBodyPart(1).getContent());

      assertEquals(1, log.messages(Level.INFO).size());
      assertFalse(log.everything().contains(PASSWORD));
      assertFalse(log.everything().contains("กรุณายืนยัน"));
    }
  }

  @Test
  void fromUrlBuildsAWorkingSender() throws Exception {
    try (SmtpEmailSender sender =
        SmtpEmailSender.fromUrl(greenMailUrl(), "noreply@minichat.example", false)) {
      sender.send(new EmailMessage("a@example.com", "Hi", "text", "<b>html</b>"));
    }

    assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
    assertEquals("Hi", GREEN_MAIL.getReceivedMessages()[0].getSubject());
  }

  @Test
  void serverThatIsDownIsRetriedThenLoggedWithoutBodyOrPassword() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }

    try (LogCapture log = new LogCapture(SmtpEmailSender.class)) {
      try (SmtpEmailSender sender =
          fastSender("smtp://mailer:" + PASSWORD + "@127.0.0.1:" + closedPort, false)) {
        sender.send(THAI_MESSAGE);
      }

      List<String> errors = log.messages(Level.ERROR);
      assertEquals(1, errors.size(), log.everything());
      String error = errors.getFirst();
      assertTrue(error.contains("after 3 attempt(s)"), error);
      assertTrue(error.contains("somchai@example.com"), error);
      assertTrue(error.contains(THAI_SUBJECT), error);
      assertFalse(log.everything().contains(PASSWORD));
      assertFalse(log.everything().contains("กรุณายืนยัน"));
      assertFalse(log.everything().contains("ยืนยันอีเมล</a>"));
    }
  }

  @Test
  void sendReturnsAtOnceWhileAnUnresponsiveServerIsRetriedInTheBackground() throws Exception {
    try (SilentServer silent = new SilentServer();
        LogCapture log = new LogCapture(SmtpEmailSender.class)) {
      SmtpEmailSender sender = fastSender("smtp://127.0.0.1:" + silent.port(), false);

      long start = System.nanoTime();
      sender.send(THAI_MESSAGE);
      sender.send(THAI_MESSAGE);
      Duration sendTook = Duration.ofNanos(System.nanoTime() - start);

      // one delivery takes at least 3 attempts x 300 ms read timeout
      assertTrue(sendTook.compareTo(Duration.ofMillis(250)) < 0, "send blocked for " + sendTook);
      sender.close();

      assertEquals(6, silent.connections());
      assertEquals(2, log.messages(Level.ERROR).size(), log.everything());
    }
  }

  @Test
  void requiredStartTlsIsNeverSkipped() {
    // GreenMail's plain SMTP offers no STARTTLS, so nothing may be sent in clear text
    try (LogCapture log = new LogCapture(SmtpEmailSender.class)) {
      try (SmtpEmailSender sender = fastSender(greenMailUrl(), true)) {
        sender.send(THAI_MESSAGE);
      }

      assertEquals(0, GREEN_MAIL.getReceivedMessages().length);
      assertEquals(1, log.messages(Level.ERROR).size(), log.everything());
    }
  }

  @Test
  void sendAfterCloseIsLoggedNotThrown() {
    try (LogCapture log = new LogCapture(SmtpEmailSender.class)) {
      SmtpEmailSender sender = fastSender(greenMailUrl(), false);
      sender.close();

      sender.send(THAI_MESSAGE);

      assertEquals(1, log.messages(Level.ERROR).size());
      assertTrue(log.messages(Level.ERROR).getFirst().contains("sender closed"));
    }
  }

  @Test
  void invalidRecipientIsLoggedNotRetried() {
    try (LogCapture log = new LogCapture(SmtpEmailSender.class)) {
      try (SmtpEmailSender sender = fastSender(greenMailUrl(), false)) {
        sender.send(new EmailMessage("not an address", "Hi", "text", "<b>html</b>"));
      }

      assertEquals(0, GREEN_MAIL.getReceivedMessages().length);
      List<String> errors = log.messages(Level.ERROR);
      assertEquals(1, errors.size());
      assertTrue(errors.getFirst().contains("cannot build"), errors.getFirst());
    }
  }

  @Test
  void permanentRefusalIsNotRetried() throws Exception {
    try (RefusingServer refusing = new RefusingServer();
        LogCapture log = new LogCapture(SmtpEmailSender.class)) {
      try (SmtpEmailSender sender = fastSender("smtp://127.0.0.1:" + refusing.port(), false)) {
        sender.send(THAI_MESSAGE);
      }

      assertEquals(1, refusing.connections());
      List<String> errors = log.messages(Level.ERROR);
      assertEquals(1, errors.size(), log.everything());
      assertTrue(errors.getFirst().contains("after 1 attempt(s)"), errors.getFirst());
    }
  }

  @Test
  void rejectsAnInvalidSenderAddress() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SmtpEmailSender.fromUrl("smtp://localhost:25", "not an address", false));
  }

  /** Accepts TCP connections and never says a word, like a hung mail server. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0);
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new ArrayList<>();
    private final Thread acceptor;

    SilentServer() throws IOException {
      acceptor =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (!socket.isClosed()) {
                      try {
                        Socket client = socket.accept();
                        connections.incrementAndGet();
                        synchronized (open) {
                          open.add(client);
                        }
                      } catch (IOException e) {
                        return;
                      }
                    }
                  });
    }

    int port() {
      return socket.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      try {
        acceptor.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (open) {
        for (Socket client : open) {
          client.close();
        }
      }
    }
  }

  /** A minimal SMTP server that refuses every recipient for good (550), as for an unknown user. */
  private static final class RefusingServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0);
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread worker;

    RefusingServer() throws IOException {
      worker = Thread.ofPlatform().daemon().start(this::serve);
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept();
            BufferedReader in =
                new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            Writer out =
                new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
          connections.incrementAndGet();
          reply(out, "220 refusing.test ESMTP");
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("RCPT")) {
              reply(out, "550 5.1.1 No such user");
            } else if (command.startsWith("QUIT")) {
              reply(out, "221 bye");
              break;
            } else {
              reply(out, "250 ok");
            }
          }
        } catch (IOException e) {
          return;
        }
      }
    }

    private static void reply(Writer out, String line) throws IOException {
      out.write(line + "\r\n");
      out.flush();
    }

    int port() {
      return socket.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      try {
        worker.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

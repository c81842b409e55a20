package com.minichat.adapters.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.minichat.application.port.out.email.EmailMessage;
import com.minichat.domain.user.User;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Thai account mail, rendered and then delivered over real SMTP, arrives unchanged. */
class TemplatedAccountMailerSmtpTest {
  private static final String PASSWORD = "s3cret-pass";

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("mailer@example.com", "mailer", PASSWORD));

  @Test
  void thaiAccountLockedMailArrivesIntact() throws Exception {
    User somchai = TemplatedAccountMailerTest.user("สมชาย ใจดี", "th");
    String unlock = "https://chat.example.com/account/unlock?token=Zx9_k-2";

    // the same mail, kept in memory, is what must arrive
    OutboxEmailSender outbox = new OutboxEmailSender();
    new TemplatedAccountMailer(outbox, "MiniChat", TemplatedAccountMailerTest.BASE_URL)
        .sendAccountLocked(somchai, unlock, TemplatedAccountMailerTest.UNTIL);
    EmailMessage expected = outbox.messages().getFirst();

    try (SmtpEmailSender smtp =
        new SmtpEmailSender(
            SmtpEndpoint.parse(
                "smtp://mailer:" + PASSWORD + "@127.0.0.1:" + GREEN_MAIL.getSmtp().getPort(),
                false),
            "MiniChat <noreply@chat.example.com>",
            Duration.ofMillis(20),
            Duration.ofSeconds(5))) {
      new TemplatedAccountMailer(smtp, "MiniChat", TemplatedAccountMailerTest.BASE_URL)
          .sendAccountLocked(somchai, unlock, TemplatedAccountMailerTest.UNTIL);
    } // close() waits for delivery

    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage mail = received[0];
    assertEquals("บัญชี MiniChat ของคุณถูกล็อกชั่วคราว", mail.getSubject());
    assertEquals(
        "somchai@example.com", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());

    MimeMultipart parts = assertInstanceOf(MimeMultipart.class, mail.getContent());
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    String text = lf((String) parts.getBodyPart(0).getContent());
    String html = lf((String) parts.getBodyPart(1).getContent());
    assertEquals(expected.text(), text);
    assertEquals(expected.html(), html);
    assertTrue(text.startsWith("เรียน คุณ สมชาย ใจดี\n"), text);
    assertTrue(text.contains("27 พฤศจิกายน 2569 เวลา 14:30 น. (เวลาประเทศไทย)"), text);
    assertTrue(text.lines().toList().contains(unlock), text);
    assertTrue(html.contains("href=\"" + unlock + "\""), html);
    assertTrue(html.contains("<html lang=\"th\""), html);
  }

  /** SMTP carries text with CRLF line ends; compare with the LF the mailer writes. */
  private static String lf(String body) {
    return body.replace("\r\n", "\n");
  }
}

package com.minichat.application.port.out.email;

import java.util.Objects;

/**
 * An e-mail ready to send.
 *
 * @param text the plain-text body
 * @param html the HTML body
 */
public record EmailMessage(String to, String subject, String text, String html) {
  public EmailMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
  }
}

package com.minichat.application.port.out.email;

import java.util.List;

/** A mail sender that keeps what it "sends" so a developer can read it. */
public interface MailOutbox {
  /** The kept mails, oldest first. */
  List<EmailMessage> messages();
}

package com.minichat.application.port.out.email;

/**
 * Delivers e-mail. Implementations must not block the caller on the network: they queue and retry
 * on their own, and log what they could not deliver.
 */
public interface EmailSender {
  void send(EmailMessage message);
}

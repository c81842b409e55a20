package com.minichat.adapters.email;

import com.minichat.application.port.out.email.EmailMessage;
import com.minichat.application.port.out.email.EmailSender;
import com.minichat.application.port.out.email.MailOutbox;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EmailSender} for development and tests: nothing leaves the machine. The most recent
 * messages are kept in memory (the oldest are dropped beyond the capacity) so that a developer or
 * an end-to-end test can read them, and each one is logged with its recipient and subject only,
 * since bodies may hold sign-in links or other secrets.
 */
public final class OutboxEmailSender implements EmailSender, MailOutbox {
  /** How many messages are kept when no capacity is given. */
  public static final int DEFAULT_CAPACITY = 200;

  private static final Logger LOG = LoggerFactory.getLogger(OutboxEmailSender.class);

  private final int capacity;
  private final Deque<EmailMessage> messages = new ArrayDeque<>();

  /** Creates an outbox keeping the last {@value #DEFAULT_CAPACITY} messages. */
  public OutboxEmailSender() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * Creates an outbox.
   *
   * @param capacity how many of the most recent messages to keep, at least 1
   */
  public OutboxEmailSender(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("outbox capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  @Override
  public void send(EmailMessage message) {
    Objects.requireNonNull(message, "message");
    synchronized (messages) {
      if (messages.size() == capacity) {
        messages.removeFirst();
      }
      messages.addLast(message);
    }
    LOG.info("e-mail kept in the outbox to={} subject={}", message.to(), message.subject());
  }

  /** A copy of the kept messages, oldest first. */
  @Override
  public List<EmailMessage> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  /** Forgets every kept message. */
  public void clear() {
    synchronized (messages) {
      messages.clear();
    }
  }
}

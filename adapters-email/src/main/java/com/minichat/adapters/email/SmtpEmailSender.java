package com.minichat.adapters.email;

import com.minichat.application.port.out.email.EmailMessage;
import com.minichat.application.port.out.email.EmailSender;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EmailSender} that delivers through an SMTP server (Angus Mail).
 *
 * <p>{@link #send} only queues the message and returns: a small pool of worker threads builds a
 * {@code multipart/alternative} message (plain text first, HTML second, both UTF-8) and delivers
 * it, retrying transient failures with exponential backoff. A message that still fails, is refused
 * by the server for good (5xx) or does not fit in the queue is logged with its recipient and
 * subject, never its body or the server's credentials. {@link #close()} lets queued messages go out
 * before stopping.
 */
public final class SmtpEmailSender implements EmailSender, AutoCloseable {
  /** Delivery attempts per message, the first one included. */
  public static final int MAX_ATTEMPTS = 3;

  /** Wait before the first retry in production; doubled for each further retry. */
  public static final Duration DEFAULT_FIRST_RETRY_DELAY = Duration.ofSeconds(2);

  /** Connect, read and write timeout of one SMTP conversation in production. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Messages waiting for a worker beyond which new ones are dropped (and logged). */
  static final int QUEUE_CAPACITY = 1000;

  private static final int WORKERS = 2;
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailSender.class);

  private final SmtpEndpoint endpoint;
  private final InternetAddress from;
  private final Session session;
  private final RetryPolicy<Object> retryPolicy;
  private final ThreadPoolExecutor executor;

  /**
   * Creates a sender with production retry delays and timeouts.
   *
   * @param endpoint the SMTP server
   * @param from the sender address, optionally with a display name: {@code MiniChat
   *     <noreply@example.com>}
   */
  public SmtpEmailSender(SmtpEndpoint endpoint, String from) {
    this(endpoint, from, DEFAULT_FIRST_RETRY_DELAY, DEFAULT_TIMEOUT);
  }

  /**
   * Creates a sender.
   *
   * @param endpoint the SMTP server
   * @param from the sender address, optionally with a display name: {@code MiniChat
   *     <noreply@example.com>}
   * @param firstRetryDelay wait before the first retry, doubled for each further one
   * @param timeout connect, read and write timeout of one SMTP conversation
   * @throws IllegalArgumentException if {@code from} is not an e-mail address
   */
  public SmtpEmailSender(
      SmtpEndpoint endpoint, String from, Duration firstRetryDelay, Duration timeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.from = parseFrom(Objects.requireNonNull(from, "from"));
    this.session = Session.getInstance(properties(endpoint, timeout));
    this.retryPolicy =
        RetryPolicy.builder()
            .handle(MessagingException.class)
            .abortOn(SmtpEmailSender::isPermanent)
            .withMaxAttempts(MAX_ATTEMPTS)
            .withBackoff(firstRetryDelay, firstRetryDelay.multipliedBy(8))
            .withJitter(0.2)
            .onRetry(
                event ->
                    LOG.debug(
                        "e-mail delivery attempt {} failed, retrying: {}",
                        event.getAttemptCount(),
                        describe(event.getLastException())))
            .build();
    this.executor =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            workerThreads());
  }

  /**
   * Creates a production sender from a server URL.
   *
   * @param url {@code smtp://user:pass@host:port} or {@code smtps://user:pass@host:port}; see
   *     {@link SmtpEndpoint#parse}
   * @param from the sender address, optionally with a display name
   * @param startTls whether to require STARTTLS on an {@code smtp://} connection
   */
  public static SmtpEmailSender fromUrl(String url, String from, boolean startTls) {
    return new SmtpEmailSender(SmtpEndpoint.parse(url, startTls), from);
  }

  @Override
  public void send(EmailMessage message) {
    Objects.requireNonNull(message, "message");
    try {
      executor.execute(() -> deliver(message));
    } catch (RejectedExecutionException e) {
      LOG.error(
          "e-mail dropped ({}) to={} subject={}",
          executor.isShutdown() ? "sender closed" : "queue full",
          message.to(),
          message.subject());
    }
  }

  /**
   * Stops accepting messages and waits up to 30 seconds for queued ones (retries included) to be
   * delivered; whatever is left after that is dropped and logged.
   */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        List<Runnable> dropped = executor.shutdownNow();
        LOG.error("e-mail sender closed with {} message(s) not delivered", dropped.size());
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(EmailMessage message) {
    MimeMessage mime;
    try {
      mime = toMime(message);
    } catch (MessagingException e) {
      // an unusable address will not get better by retrying
      LOG.error(
          "e-mail not sent: cannot build it to={} subject={} error={}",
          message.to(),
          message.subject(),
          describe(e));
      return;
    }
    AtomicInteger attempts = new AtomicInteger();
    try {
      Failsafe.with(retryPolicy)
          .run(
              context -> {
                attempts.incrementAndGet();
                transmit(mime);
              });
      LOG.info("e-mail sent to={} subject={}", message.to(), message.subject());
    } catch (RuntimeException e) {
      // FailsafeException wraps the last MessagingException (or an interruption on close)
      Throwable cause = e instanceof FailsafeException && e.getCause() != null ? e.getCause() : e;
      LOG.error(
          "e-mail not delivered after {} attempt(s) to={} subject={} server={}:{} error={}",
          attempts.get(),
          message.to(),
          message.subject(),
          endpoint.host(),
          endpoint.port(),
          describe(cause));
    }
  }

  private void transmit(MimeMessage mime) throws MessagingException {
    try (Transport transport = session.getTransport("smtp")) {
      if (endpoint.authenticated()) {
        transport.connect(
            endpoint.host(), endpoint.port(), endpoint.username(), endpoint.password());
      } else {
        transport.connect(endpoint.host(), endpoint.port(), null, null);
      }
      transport.sendMessage(mime, mime.getAllRecipients());
    }
  }

  private MimeMessage toMime(EmailMessage message) throws MessagingException {
    MimeMessage mime = new MimeMessage(session);
    mime.setFrom(from);
    mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
    mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
    mime.setSentDate(new Date());

    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
    // mail clients show the last alternative they understand, so the richer one goes last
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    mime.setContent(alternative);
    mime.saveChanges();
    return mime;
  }

  private static Properties properties(SmtpEndpoint endpoint, Duration timeout) {
    String millis = Long.toString(timeout.toMillis());
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", endpoint.host());
    props.setProperty("mail.smtp.port", Integer.toString(endpoint.port()));
    props.setProperty("mail.smtp.auth", Boolean.toString(endpoint.authenticated()));
    props.setProperty("mail.smtp.connectiontimeout", millis);
    props.setProperty("mail.smtp.timeout", millis);
    props.setProperty("mail.smtp.writetimeout", millis);
    props.setProperty("mail.smtp.ssl.enable", Boolean.toString(endpoint.implicitTls()));
    props.setProperty("mail.smtp.starttls.enable", Boolean.toString(endpoint.startTls()));
    props.setProperty("mail.smtp.starttls.required", Boolean.toString(endpoint.startTls()));
    props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    return props;
  }

  private static InternetAddress parseFrom(String from) {
    try {
      InternetAddress address = new InternetAddress(from, true);
      if (address.getPersonal() != null) {
        // encodes a Thai display name instead of sending raw 8-bit header bytes
        address.setPersonal(address.getPersonal(), StandardCharsets.UTF_8.name());
      }
      return address;
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("the sender address is not a valid e-mail address");
    }
  }

  /** A refusal the server says is final (5xx): retrying would only repeat it. */
  private static boolean isPermanent(Throwable failure) {
    for (Throwable e = failure; e != null; ) {
      if (e instanceof SMTPSendFailedException sendFailed && sendFailed.getReturnCode() >= 500) {
        return true;
      }
      if (e instanceof SMTPAddressFailedException addressFailed
          && addressFailed.getReturnCode() >= 500) {
        return true;
      }
      e = e instanceof MessagingException messaging ? messaging.getNextException() : null;
    }
    return false;
  }

  /** Exception class and message only: no stack trace, no message content. */
  private static String describe(Throwable e) {
    return e == null ? "unknown" : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "smtp-sender-" + count.incrementAndGet());
      // queued mail must not keep the JVM alive if nobody calls close()
      thread.setDaemon(true);
      return thread;
    };
  }
}

package com.minichat.application.service.support;

import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.domain.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link AccountMailer} that keeps every mail it was asked to send, with its link. */
public final class RecordingAccountMailer implements AccountMailer {
  /** Which account e-mail. */
  public enum Kind {
    VERIFICATION,
    PASSWORD_RESET,
    ACCOUNT_LOCKED,
    PASSWORD_CHANGED
  }

  /**
   * One mail.
   *
   * @param link the link in the mail; {@code null} for the password-changed notice
   * @param until the end of the lock, for the lock mail only
   */
  public record Mail(Kind kind, User user, String link, Instant until) {
    /** The token in the link's {@code ?token=} query. */
    public String token() {
      int at = link.indexOf("?token=");
      if (at < 0) {
        throw new IllegalStateException("no token in " + link);
      }
      return link.substring(at + "?token=".length());
    }
  }

  private final List<Mail> mails = new ArrayList<>();

  @Override
  public synchronized void sendVerification(User user, String link) {
    mails.add(new Mail(Kind.VERIFICATION, user, link, null));
  }

  @Override
  public synchronized void sendPasswordReset(User user, String link) {
    mails.add(new Mail(Kind.PASSWORD_RESET, user, link, null));
  }

  @Override
  public synchronized void sendAccountLocked(User user, String unlockLink, Instant until) {
    mails.add(new Mail(Kind.ACCOUNT_LOCKED, user, unlockLink, until));
  }

  @Override
  public synchronized void sendPasswordChanged(User user) {
    mails.add(new Mail(Kind.PASSWORD_CHANGED, user, null, null));
  }

  /** Every mail so far, in order. */
  public synchronized List<Mail> sent() {
    return List.copyOf(mails);
  }

  /** The mails of one kind, in order. */
  public synchronized List<Mail> sent(Kind kind) {
    return mails.stream().filter(mail -> mail.kind() == kind).toList();
  }

  /** The newest mail of {@code kind}; fails when there is none. */
  public synchronized Mail last(Kind kind) {
    List<Mail> ofKind = sent(kind);
    if (ofKind.isEmpty()) {
      throw new AssertionError("no " + kind + " mail was sent; sent: " + mails);
    }
    return ofKind.getLast();
  }
}

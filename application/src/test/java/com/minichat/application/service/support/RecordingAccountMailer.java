package com.minichat.application.service.support;

import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.usage.BudgetMark;
import com.minichat.domain.user.User;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AccountMailer} that keeps every mail it was asked to send, with its link. Invitations
 * are kept twice: as a {@link Mail} of kind {@link Kind#INVITATION} (without a user, as the invitee
 * may have no account) among {@link #sent()}, and with all their details in {@link #invitations()};
 * API-key expiry warnings likewise in {@link #expiryWarnings()}.
 */
public final class RecordingAccountMailer implements AccountMailer {
  /** Which account e-mail. */
  public enum Kind {
    VERIFICATION,
    PASSWORD_RESET,
    ACCOUNT_LOCKED,
    PASSWORD_CHANGED,
    API_KEY_EXPIRING,
    INVITATION,
    AI_BUDGET
  }

  /**
   * One mail.
   *
   * @param user the addressee; {@code null} for an invitation
   * @param link the link in the mail; {@code null} for the password-changed notice and the API-key
   *     expiry warning (the adapter links the dashboard)
   * @param until the end of the lock, for the lock mail only
   */
  public record Mail(Kind kind, User user, String link, Instant until) {
    /** The token in the link's {@code ?token=} query. */
    public String token() {
      return tokenIn(link);
    }
  }

  /**
   * One invitation mail with everything it was given.
   *
   * @param language the language it is written in (the inviter's)
   */
  public record InvitationMail(
      Invitation invitation,
      String workspaceName,
      String inviterName,
      String link,
      String language) {
    /** The token in the link's {@code ?token=} query. */
    public String token() {
      return tokenIn(link);
    }
  }

  /** One API-key expiry warning with everything it was given. */
  public record ExpiryWarning(User user, ApiKey key, String workspaceName) {}

  /** One AI budget alert with everything it was given. */
  public record BudgetAlert(
      User user,
      String workspaceName,
      BudgetMark mark,
      long spentMicros,
      long budgetMicros,
      YearMonth month) {}

  private final List<Mail> mails = new ArrayList<>();
  private final List<InvitationMail> invitations = new ArrayList<>();
  private final List<ExpiryWarning> expiryWarnings = new ArrayList<>();
  private final List<BudgetAlert> budgetAlerts = new ArrayList<>();

  @Override
  public synchronized void sendAiBudget(
      User user,
      String workspaceName,
      BudgetMark mark,
      long spentMicros,
      long budgetMicros,
      YearMonth month) {
    mails.add(new Mail(Kind.AI_BUDGET, user, null, null));
    budgetAlerts.add(new BudgetAlert(user, workspaceName, mark, spentMicros, budgetMicros, month));
  }

  /** Every AI budget alert, in order. */
  public synchronized List<BudgetAlert> budgetAlerts() {
    return List.copyOf(budgetAlerts);
  }

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

  @Override
  public synchronized void sendApiKeyExpiring(User user, ApiKey key, String workspaceName) {
    mails.add(new Mail(Kind.API_KEY_EXPIRING, user, null, null));
    expiryWarnings.add(new ExpiryWarning(user, key, workspaceName));
  }

  @Override
  public synchronized void sendInvitation(
      Invitation invitation,
      String workspaceName,
      String inviterName,
      String link,
      String language) {
    mails.add(new Mail(Kind.INVITATION, null, link, null));
    invitations.add(new InvitationMail(invitation, workspaceName, inviterName, link, language));
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

  /** Every API-key expiry warning so far, in order. */
  public synchronized List<ExpiryWarning> expiryWarnings() {
    return List.copyOf(expiryWarnings);
  }

  /** Every invitation mail so far, in order. */
  public synchronized List<InvitationMail> invitations() {
    return List.copyOf(invitations);
  }

  /** The newest invitation mail; fails when there is none. */
  public synchronized InvitationMail lastInvitation() {
    if (invitations.isEmpty()) {
      throw new AssertionError("no invitation was sent; sent: " + mails);
    }
    return invitations.getLast();
  }

  private static String tokenIn(String link) {
    int at = link.indexOf("?token=");
    if (at < 0) {
      throw new IllegalStateException("no token in " + link);
    }
    return link.substring(at + "?token=".length());
  }
}

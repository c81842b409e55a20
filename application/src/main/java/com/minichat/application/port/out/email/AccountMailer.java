package com.minichat.application.port.out.email;

import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.usage.BudgetMark;
import com.minichat.domain.user.User;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The account e-mails, written in the user's language (Thai or English). Sending never blocks the
 * caller.
 */
public interface AccountMailer {
  /** Asks the user to confirm their e-mail address through {@code link}. */
  void sendVerification(User user, String link);

  /** Offers a new password through {@code link}, valid for an hour. */
  void sendPasswordReset(User user, String link);

  /** Tells the user the account is locked until {@code until} and offers {@code unlockLink}. */
  void sendAccountLocked(User user, String unlockLink, Instant until);

  /** Tells the user the password changed, in case it was not them. */
  void sendPasswordChanged(User user);

  /**
   * Warns an owner or admin that {@code key} of {@code workspaceName} expires at {@code
   * key.expiresAt()}, so they can rotate it in time.
   */
  void sendApiKeyExpiring(User recipient, ApiKey key, String workspaceName);

  /**
   * Tells an owner or admin that {@code workspaceName} spent {@code spentMicros} of its {@code
   * budgetMicros} (millionths of a US dollar) on AI providers in {@code month}: a warning, or that
   * the budget is used up and only the free offline answerer replies until the month ends.
   */
  void sendAiBudget(
      User recipient,
      String workspaceName,
      BudgetMark mark,
      long spentMicros,
      long budgetMicros,
      YearMonth month);

  /**
   * Invites {@code invitation.email()} to a workspace through {@code link} (valid 7 days), in
   * {@code language} (the inviter's, as the invitee may have no account yet).
   */
  void sendInvitation(
      Invitation invitation,
      String workspaceName,
      String inviterName,
      String link,
      String language);
}

package com.minichat.application.service.account;

import com.minichat.application.port.in.account.ClientInfo;
import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.in.account.TwoFactorActivation;
import com.minichat.application.port.in.account.TwoFactorSetup;
import com.minichat.application.port.in.account.TwoFactorUseCase;
import com.minichat.application.port.out.security.OneTimePasswords;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.security.QrCodeRenderer;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.user.Passwords;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Setting up, activating and turning off TOTP two-factor authentication. */
public final class TwoFactorService implements TwoFactorUseCase {
  /** How many single-use recovery codes a user gets. */
  public static final int RECOVERY_CODES = 10;

  private static final String ISSUER = "MiniChat";

  private final UserRepository users;
  private final OneTimePasswords otp;
  private final PasswordHasher hasher;
  private final SecretCipher cipher;
  private final QrCodeRenderer qrCodes;
  private final TwoFactorCodes codes;
  private final SessionIssuer sessions;
  private final Auditor auditor;
  private final Clock clock;

  public TwoFactorService(
      UserRepository users,
      OneTimePasswords otp,
      PasswordHasher hasher,
      SecretCipher cipher,
      QrCodeRenderer qrCodes,
      TwoFactorCodes codes,
      SessionIssuer sessions,
      Auditor auditor,
      Clock clock) {
    this.users = users;
    this.otp = otp;
    this.hasher = hasher;
    this.cipher = cipher;
    this.qrCodes = qrCodes;
    this.codes = codes;
    this.sessions = sessions;
    this.auditor = auditor;
    this.clock = clock;
  }

  @Override
  public TwoFactorSetup setup(UserId userId) {
    User user = user(userId);
    if (user.twoFactor().enabled()) {
      throw new ConflictException("Two-factor authentication is already on");
    }
    String secret = otp.newSecret();
    users.update(
        user.withTwoFactor(
            TwoFactor.pending(cipher.encrypt(secret, TwoFactorCodes.associatedData(user))),
            false,
            clock.instant()));
    String uri = otp.uri(ISSUER, user.email().value(), secret);
    return new TwoFactorSetup(secret, uri, qrCodes.pngDataUri(uri));
  }

  @Override
  public TwoFactorActivation verify(
      UserId userId, String code, String currentRefreshToken, ClientInfo client) {
    User user = user(userId);
    if (user.twoFactor().enabled()) {
      throw new ConflictException("Two-factor authentication is already on");
    }
    if (user.twoFactor().encryptedSecret() == null) {
      throw new ConflictException("Start the setup first");
    }
    Instant now = clock.instant();
    OptionalLong step =
        code == null
            ? OptionalLong.empty()
            : otp.matchingStep(codes.secretOf(user), code.strip(), now, -1);
    if (step.isEmpty()) {
      throw new ValidationException(
          "code", "is wrong; type the current 6-digit code from your app");
    }
    List<String> recoveryCodes = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String raw = Identifiers.random(5).toUpperCase(Locale.ROOT);
      String readable = raw.substring(0, 5) + "-" + raw.substring(5);
      recoveryCodes.add(readable);
      hashes.add(codes.hashRecoveryCode(readable));
    }
    User enabled =
        users.update(
            user.withTwoFactor(user.twoFactor().activated(hashes, step.getAsLong()), true, now));
    auditor.record(AuditEventType.TWO_FACTOR_ENABLED, userId, client, "");
    return new TwoFactorActivation(
        recoveryCodes, sessions.keepOnlyCurrent(enabled, currentRefreshToken));
  }

  @Override
  public Session disable(
      UserId userId, String password, String code, String currentRefreshToken, ClientInfo client) {
    User user = user(userId);
    if (!user.twoFactor().enabled()) {
      throw new ConflictException("Two-factor authentication is already off");
    }
    boolean passwordOk =
        password != null && hasher.matches(Passwords.normalise(password), user.passwordHash());
    Optional<TwoFactor> accepted = codes.accept(user, code);
    new Violations()
        .check(passwordOk, "password", "is not your current password")
        .check(accepted.isPresent(), "code", "is wrong or was already used")
        .throwIfAny();
    User disabled = users.update(user.withTwoFactor(TwoFactor.DISABLED, true, clock.instant()));
    auditor.record(AuditEventType.TWO_FACTOR_DISABLED, userId, client, "");
    return sessions.keepOnlyCurrent(disabled, currentRefreshToken);
  }

  private User user(UserId userId) {
    return users.findById(userId).orElseThrow(() -> new AuthenticationException("Sign in again"));
  }
}

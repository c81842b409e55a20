package com.minichat.application.service.account;

import com.minichat.application.fake.InMemoryAuditLog;
import com.minichat.application.fake.InMemoryOneTimeTokenRepository;
import com.minichat.application.fake.InMemoryRefreshTokenRepository;
import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.port.in.account.ClientInfo;
import com.minichat.application.port.in.account.LogInCommand;
import com.minichat.application.port.in.account.LoginOutcome;
import com.minichat.application.port.in.account.MfaChallenge;
import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.in.account.TwoFactorActivation;
import com.minichat.application.port.in.account.TwoFactorSetup;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.service.support.FakeOneTimePasswords;
import com.minichat.application.service.support.FakePasswordHasher;
import com.minichat.application.service.support.FakePasswordStrength;
import com.minichat.application.service.support.FakeQrCodeRenderer;
import com.minichat.application.service.support.FakeSecretCipher;
import com.minichat.application.service.support.FakeSecretHasher;
import com.minichat.application.service.support.FakeTokenService;
import com.minichat.application.service.support.RecordingAccountMailer;
import com.minichat.application.service.support.ScriptedRateLimiter;
import com.minichat.application.service.support.TestClock;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Every identity service wired to in-memory fakes and deterministic doubles, sharing one {@link
 * TestClock}, as the bootstrap module wires the real ones.
 */
final class IdentityFixture {
  /** A whole minute, so also the start of a 30-second TOTP step. */
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  static final String BASE_URL = "https://chat.example.test";
  static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "JUnit");
  static final String EMAIL = "somchai@example.com";
  static final String NAME = "Somchai Jaidee";
  static final String PASSWORD = "Correct-Horse-9";

  final TestClock clock = TestClock.fixedAt(T0);
  final InMemoryUserRepository users = new InMemoryUserRepository();
  final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
  final InMemoryOneTimeTokenRepository oneTimeTokenStore = new InMemoryOneTimeTokenRepository();
  final InMemoryAuditLog auditLog = new InMemoryAuditLog();
  final FakePasswordHasher fakeHasher = new FakePasswordHasher();
  final PasswordHasher hasher;
  final FakeTokenService tokens = new FakeTokenService();
  final FakeSecretHasher secretHasher = new FakeSecretHasher();
  final FakeSecretCipher cipher = new FakeSecretCipher();
  final FakeOneTimePasswords otp = new FakeOneTimePasswords();
  final FakeQrCodeRenderer qrCodes = new FakeQrCodeRenderer();
  final FakePasswordStrength strength = new FakePasswordStrength();
  final RecordingAccountMailer mailer = new RecordingAccountMailer();
  final RateLimiter rateLimiter;
  final AuthSettings settings = AuthSettings.defaults(BASE_URL);

  final Auditor auditor;
  final PasswordPolicy policy;
  final OneTimeTokens oneTimeTokens;
  final SessionIssuer issuer;
  final TwoFactorCodes codes;
  final RegistrationService registration;
  final SessionService sessions;
  final PasswordService passwords;
  final TwoFactorService twoFactor;
  final ProfileService profile;

  IdentityFixture() {
    this(ScriptedRateLimiter.allowingEverything(), fake -> fake);
  }

  IdentityFixture(RateLimiter rateLimiter) {
    this(rateLimiter, fake -> fake);
  }

  /**
   * @param hasherAround wraps the {@link FakePasswordHasher}, e.g. to make some hashes outdated
   */
  IdentityFixture(
      RateLimiter rateLimiter, Function<FakePasswordHasher, PasswordHasher> hasherAround) {
    this.rateLimiter = rateLimiter;
    this.hasher = hasherAround.apply(fakeHasher);
    auditor = new Auditor(auditLog, clock);
    policy = new PasswordPolicy(settings.passwordRules(), strength, hasher);
    oneTimeTokens = new OneTimeTokens(oneTimeTokenStore, secretHasher, BASE_URL, clock);
    issuer =
        new SessionIssuer(tokens, refreshTokens, secretHasher, settings.refreshLifetime(), clock);
    codes = new TwoFactorCodes(otp, cipher, secretHasher, clock);
    registration =
        new RegistrationService(
            users, hasher, policy, oneTimeTokens, mailer, rateLimiter, auditor, settings, clock);
    sessions =
        new SessionService(
            users,
            refreshTokens,
            hasher,
            tokens,
            issuer,
            codes,
            oneTimeTokens,
            mailer,
            rateLimiter,
            auditor,
            settings,
            clock);
    passwords =
        new PasswordService(
            users,
            refreshTokens,
            hasher,
            policy,
            oneTimeTokens,
            issuer,
            mailer,
            rateLimiter,
            auditor,
            settings,
            clock);
    twoFactor =
        new TwoFactorService(users, otp, hasher, cipher, qrCodes, codes, issuer, auditor, clock);
    profile = new ProfileService(users, clock);
  }

  /** Stores a verified user with {@link #EMAIL}, {@link #NAME} and {@link #PASSWORD}. */
  User existingUser() {
    return existingUser(EMAIL, PASSWORD);
  }

  User existingUser(String email, String password) {
    User user =
        new User(UserId.generate(), new Email(email), NAME, hasher.hash(password), T0, T0)
            .verified(T0);
    users.insert(user);
    return user;
  }

  User reload(User user) {
    return users.findById(user.id()).orElseThrow();
  }

  LoginOutcome attemptLogIn(String email, String password) {
    return sessions.logIn(new LogInCommand(email, password), CLIENT);
  }

  /** Signs in a user without 2FA and returns the session. */
  Session logIn(String email, String password) {
    return (Session) attemptLogIn(email, password);
  }

  Session logIn() {
    return logIn(EMAIL, PASSWORD);
  }

  /** Signs in a user with 2FA up to the code step. */
  MfaChallenge challenge() {
    return (MfaChallenge) attemptLogIn(EMAIL, PASSWORD);
  }

  /** What a user with 2FA on got from setup and activation. */
  record TwoFactorOn(String secret, List<String> recoveryCodes, Session session) {}

  /** Turns 2FA on for {@code user} (setup and a first code), then moves past that code's step. */
  TwoFactorOn enableTwoFactor(User user) {
    TwoFactorSetup setup = twoFactor.setup(user.id());
    TwoFactorActivation activation =
        twoFactor.verify(
            user.id(), FakeOneTimePasswords.codeAt(setup.secret(), clock.peek()), null, CLIENT);
    clock.advance(Duration.ofSeconds(FakeOneTimePasswords.STEP_SECONDS));
    return new TwoFactorOn(setup.secret(), activation.recoveryCodes(), activation.session());
  }

  /** The current TOTP code of {@code secret}. */
  String codeNow(String secret) {
    return FakeOneTimePasswords.codeAt(secret, clock.peek());
  }

  /** The stored token behind a refresh-token secret. */
  RefreshToken stored(String refreshToken) {
    return refreshTokens.findByHash(secretHasher.hash(refreshToken)).orElseThrow();
  }

  List<AuditEventType> auditTypes() {
    return auditLog.all().stream().map(AuditEvent::type).toList();
  }

  List<AuditEvent> audits(AuditEventType type) {
    return auditLog.all().stream().filter(event -> event.type() == type).toList();
  }
}

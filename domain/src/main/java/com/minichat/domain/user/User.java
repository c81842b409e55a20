package com.minichat.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A person who signs in to the dashboard, with the security state of the account.
 *
 * @param passwordHash the one-way hash of the password, never the password itself
 * @param language {@code th} or {@code en}: the language of e-mails and messages to this user
 * @param emailVerified whether the user proved they own the e-mail address
 * @param failedLogins consecutive failed sign-ins since the last success
 * @param lockedUntil sign-in is refused until then; {@code null} when not locked
 * @param lockouts how many times the account was locked; each lock lasts longer
 * @param previousPasswordHashes hashes of earlier passwords, newest first, that may not be reused
 * @param sessionVersion part of every access token; raising it ends all current sessions
 * @param twoFactor the second sign-in factor
 * @param platformAdmin whether the user administers the whole platform
 * @param revision the stored revision this copy was read at; a write succeeds only while the store
 *     still holds it, so two concurrent requests cannot both change the account unnoticed
 */
public record User(
    UserId id,
    Email email,
    String name,
    String passwordHash,
    String language,
    boolean emailVerified,
    int failedLogins,
    Instant lockedUntil,
    int lockouts,
    List<String> previousPasswordHashes,
    int sessionVersion,
    TwoFactor twoFactor,
    boolean platformAdmin,
    long revision,
    Instant createdAt,
    Instant updatedAt) {

  /** How many earlier passwords are remembered (besides the current one). */
  public static final int PASSWORD_HISTORY = 4;

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
    language = Language.normalise(language);
    previousPasswordHashes =
        previousPasswordHashes == null ? List.of() : List.copyOf(previousPasswordHashes);
    twoFactor = twoFactor == null ? TwoFactor.DISABLED : twoFactor;
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new, unverified account with no security history. */
  public User(
      UserId id,
      Email email,
      String name,
      String passwordHash,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        email,
        name,
        passwordHash,
        Language.ENGLISH,
        false,
        0,
        null,
        0,
        List.of(),
        0,
        TwoFactor.DISABLED,
        false,
        0,
        createdAt,
        updatedAt);
  }

  /** Whether sign-in is refused at {@code now} because of too many failures. */
  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** A copy with other profile fields. */
  public User withProfile(String newName, String newLanguage, Instant now) {
    Copy copy = new Copy(this, now);
    copy.name = newName;
    copy.language = newLanguage;
    return copy.build();
  }

  /** A copy whose e-mail address is verified. */
  public User verified(Instant now) {
    Copy copy = new Copy(this, now);
    copy.emailVerified = true;
    return copy.build();
  }

  /**
   * A copy with a new password hash: the old one joins the history and every session ends (the
   * session version rises).
   */
  public User withPassword(String newHash, Instant now) {
    Copy copy = new Copy(this, now);
    copy.passwordHash = newHash;
    copy.previousPasswordHashes =
        Stream.concat(Stream.of(passwordHash), previousPasswordHashes.stream())
            .limit(PASSWORD_HISTORY)
            .toList();
    copy.failedLogins = 0;
    copy.lockedUntil = null;
    copy.sessionVersion = sessionVersion + 1;
    return copy.build();
  }

  /** A copy with the same password re-hashed (e.g. at a higher cost); sessions stay. */
  public User rehashed(String newHash, Instant now) {
    Copy copy = new Copy(this, now);
    copy.passwordHash = newHash;
    return copy.build();
  }

  /** A copy after a successful sign-in: failures forgotten, lock lifted. */
  public User afterSuccessfulLogin(Instant now) {
    Copy copy = new Copy(this, now);
    copy.failedLogins = 0;
    copy.lockedUntil = null;
    return copy.build();
  }

  /**
   * A copy after a failed sign-in; at {@code maxFailures} consecutive failures the account locks
   * for {@code baseLock} doubled for each earlier lockout (at most 64 times as long).
   */
  public User afterFailedLogin(int maxFailures, Duration baseLock, Instant now) {
    Copy copy = new Copy(this, now);
    copy.failedLogins = failedLogins + 1;
    if (copy.failedLogins >= maxFailures) {
      copy.failedLogins = 0;
      copy.lockedUntil = now.plus(baseLock.multipliedBy(1L << Math.min(lockouts, 6)));
      copy.lockouts = lockouts + 1;
    }
    return copy.build();
  }

  /** A copy with the lock lifted (unlock link). */
  public User unlocked(Instant now) {
    return afterSuccessfulLogin(now);
  }

  /** A copy with another second-factor state; {@code endSessions} ends every session. */
  public User withTwoFactor(TwoFactor newTwoFactor, boolean endSessions, Instant now) {
    Copy copy = new Copy(this, now);
    copy.twoFactor = newTwoFactor;
    copy.sessionVersion = endSessions ? sessionVersion + 1 : sessionVersion;
    return copy.build();
  }

  /** A copy whose current access tokens are no longer honoured (log out everywhere). */
  public User withSessionsEnded(Instant now) {
    return withTwoFactor(twoFactor, true, now);
  }

  /** This user as stored at {@code storedRevision} (for repositories). */
  public User atRevision(long storedRevision) {
    return new User(
        id,
        email,
        name,
        passwordHash,
        language,
        emailVerified,
        failedLogins,
        lockedUntil,
        lockouts,
        previousPasswordHashes,
        sessionVersion,
        twoFactor,
        platformAdmin,
        storedRevision,
        createdAt,
        updatedAt);
  }

  /** A copy that administers the platform (or not). */
  public User withPlatformAdmin(boolean admin, Instant now) {
    Copy copy = new Copy(this, now);
    copy.platformAdmin = admin;
    return copy.build();
  }

  /** The fields of a user being changed; every change goes through the canonical constructor. */
  private static final class Copy {
    private final User from;
    private final Instant updatedAt;
    private String name;
    private String passwordHash;
    private String language;
    private boolean emailVerified;
    private int failedLogins;
    private Instant lockedUntil;
    private int lockouts;
    private List<String> previousPasswordHashes;
    private int sessionVersion;
    private TwoFactor twoFactor;
    private boolean platformAdmin;

    Copy(User from, Instant updatedAt) {
      this.from = from;
      this.updatedAt = updatedAt;
      this.name = from.name;
      this.passwordHash = from.passwordHash;
      this.language = from.language;
      this.emailVerified = from.emailVerified;
      this.failedLogins = from.failedLogins;
      this.lockedUntil = from.lockedUntil;
      this.lockouts = from.lockouts;
      this.previousPasswordHashes = from.previousPasswordHashes;
      this.sessionVersion = from.sessionVersion;
      this.twoFactor = from.twoFactor;
      this.platformAdmin = from.platformAdmin;
    }

    User build() {
      return new User(
          from.id,
          from.email,
          name,
          passwordHash,
          language,
          emailVerified,
          failedLogins,
          lockedUntil,
          lockouts,
          previousPasswordHashes,
          sessionVersion,
          twoFactor,
          platformAdmin,
          from.revision,
          from.createdAt,
          updatedAt);
    }
  }
}

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
        createdAt,
        updatedAt);
  }

  /** Whether sign-in is refused at {@code now} because of too many failures. */
  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** A copy with other profile fields. */
  public User withProfile(String newName, String newLanguage, Instant now) {
    return new User(
        id,
        email,
        newName,
        passwordHash,
        newLanguage,
        emailVerified,
        failedLogins,
        lockedUntil,
        lockouts,
        previousPasswordHashes,
        sessionVersion,
        twoFactor,
        platformAdmin,
        createdAt,
        now);
  }

  /** A copy whose e-mail address is verified. */
  public User verified(Instant now) {
    return new User(
        id,
        email,
        name,
        passwordHash,
        language,
        true,
        failedLogins,
        lockedUntil,
        lockouts,
        previousPasswordHashes,
        sessionVersion,
        twoFactor,
        platformAdmin,
        createdAt,
        now);
  }

  /**
   * A copy with a new password hash: the old one joins the history and every session ends (the
   * session version rises).
   */
  public User withPassword(String newHash, Instant now) {
    List<String> history =
        Stream.concat(Stream.of(passwordHash), previousPasswordHashes.stream())
            .limit(PASSWORD_HISTORY)
            .toList();
    return new User(
        id,
        email,
        name,
        newHash,
        language,
        emailVerified,
        0,
        null,
        lockouts,
        history,
        sessionVersion + 1,
        twoFactor,
        platformAdmin,
        createdAt,
        now);
  }

  /** A copy with the same password re-hashed (e.g. at a higher cost); sessions stay. */
  public User rehashed(String newHash, Instant now) {
    return new User(
        id,
        email,
        name,
        newHash,
        language,
        emailVerified,
        failedLogins,
        lockedUntil,
        lockouts,
        previousPasswordHashes,
        sessionVersion,
        twoFactor,
        platformAdmin,
        createdAt,
        now);
  }

  /** A copy after a successful sign-in: failures forgotten, lock lifted. */
  public User afterSuccessfulLogin(Instant now) {
    return new User(
        id,
        email,
        name,
        passwordHash,
        language,
        emailVerified,
        0,
        null,
        lockouts,
        previousPasswordHashes,
        sessionVersion,
        twoFactor,
        platformAdmin,
        createdAt,
        now);
  }

  /**
   * A copy after a failed sign-in; at {@code maxFailures} consecutive failures the account locks
   * for {@code baseLock} doubled for each earlier lockout.
   */
  public User afterFailedLogin(int maxFailures, Duration baseLock, Instant now) {
    int failures = failedLogins + 1;
    if (failures < maxFailures) {
      return new User(
          id,
          email,
          name,
          passwordHash,
          language,
          emailVerified,
          failures,
          lockedUntil,
          lockouts,
          previousPasswordHashes,
          sessionVersion,
          twoFactor,
          platformAdmin,
          createdAt,
          now);
    }
    Duration lock = baseLock.multipliedBy(1L << Math.min(lockouts, 6));
    return new User(
        id,
        email,
        name,
        passwordHash,
        language,
        emailVerified,
        0,
        now.plus(lock),
        lockouts + 1,
        previousPasswordHashes,
        sessionVersion,
        twoFactor,
        platformAdmin,
        createdAt,
        now);
  }

  /** A copy with the lock lifted (unlock link). */
  public User unlocked(Instant now) {
    return afterSuccessfulLogin(now);
  }

  /** A copy with another second-factor state; changing it ends every session. */
  public User withTwoFactor(TwoFactor newTwoFactor, boolean endSessions, Instant now) {
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
        endSessions ? sessionVersion + 1 : sessionVersion,
        newTwoFactor,
        platformAdmin,
        createdAt,
        now);
  }

  /** A copy whose current access tokens are no longer honoured (log out everywhere). */
  public User withSessionsEnded(Instant now) {
    return withTwoFactor(twoFactor, true, now);
  }

  /** A copy that administers the platform (or not). */
  public User withPlatformAdmin(boolean admin, Instant now) {
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
        admin,
        createdAt,
        now);
  }
}

package com.minichat.adapters.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import com.minichat.application.port.out.security.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link PasswordHasher} on bcrypt ({@code $2b$}, random 16-byte salt per hash).
 *
 * <p>bcrypt reads at most 72 bytes of a password. Longer passwords (in UTF-8, so about 24 Thai
 * characters) are pre-hashed with SHA-512 by the library's long-password strategy instead of being
 * cut, so two long passwords that share their first 72 bytes do not match each other. Changing that
 * strategy would invalidate stored hashes of long passwords, so it is fixed here, not configurable.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
  /** The cost (log2 of rounds) used in production. */
  public static final int PRODUCTION_COST = 12;

  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
  private static final LongPasswordStrategy LONG_PASSWORDS =
      LongPasswordStrategies.hashSha512(VERSION);

  private final int cost;
  private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LONG_PASSWORDS);
  private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LONG_PASSWORDS);

  /**
   * Creates a hasher.
   *
   * @param cost log2 of the number of bcrypt rounds, between 4 and 31; {@link #PRODUCTION_COST} in
   *     production, 4 in tests to keep them fast
   */
  public BcryptPasswordHasher(int cost) {
    if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
      throw new IllegalArgumentException(
          "bcrypt cost must be between " + BCrypt.MIN_COST + " and " + BCrypt.MAX_COST);
    }
    this.cost = cost;
  }

  @Override
  public String hash(String password) {
    Objects.requireNonNull(password, "password");
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    try {
      return new String(hasher.hash(cost, bytes), StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  @Override
  public boolean matches(String password, String hash) {
    if (password == null || hash == null || hash.isEmpty()) {
      return false;
    }
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    try {
      return verifyer.verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    } catch (IllegalArgumentException e) {
      // a stored value that is not a bcrypt hash never matches; it is not the caller's fault
      return false;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>True when {@code hash} is not a bcrypt hash this hasher can read or when its cost is below
   * the configured one; a higher cost is kept (lowering the configuration never weakens stored
   * hashes).
   */
  @Override
  public boolean needsRehash(String hash) {
    if (hash == null || hash.isEmpty()) {
      return true;
    }
    try {
      return VERSION.parser.parse(hash.getBytes(StandardCharsets.UTF_8)).cost < cost;
    } catch (IllegalBCryptFormatException | IllegalArgumentException e) {
      return true;
    }
  }
}

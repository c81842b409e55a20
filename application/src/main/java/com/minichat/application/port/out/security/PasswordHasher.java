package com.minichat.application.port.out.security;

/** One-way password hashing. */
public interface PasswordHasher {
  /** A salted hash of {@code password}, safe to store. */
  String hash(String password);

  /** Whether {@code password} is the one that produced {@code hash}. */
  boolean matches(String password, String hash);

  /** Whether {@code hash} was made with weaker settings than configured now (rehash on login). */
  boolean needsRehash(String hash);
}

package com.minichat.domain.common;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random, unguessable identifiers for entities and public keys. */
public final class Identifiers {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Identifiers() {}

  /** A new identifier of {@code bytes} random bytes, hex-encoded. */
  public static String random(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }

  /** Requires a non-blank identifier value; used by the id value objects. */
  public static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}

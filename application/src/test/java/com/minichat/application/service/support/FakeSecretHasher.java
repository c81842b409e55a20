package com.minichat.application.service.support;

import com.minichat.application.port.out.security.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A deterministic {@link SecretHasher}: SHA-256 in hex, so a hash never shows the secret. */
public final class FakeSecretHasher implements SecretHasher {
  @Override
  public String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

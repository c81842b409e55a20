package com.minichat.bootstrap.config;

import java.nio.file.Path;
import java.util.Optional;

/** Typed configuration, one record per area, built and validated by {@link ConfigLoader}. */
public final class Settings {
  private Settings() {}

  /**
   * Process-wide settings.
   *
   * @param host interface to listen on
   * @param publicBaseUrl how browsers and e-mails reach this server
   * @param dataDir embedded database, generated secrets and uploads
   */
  public record AppSettings(
      AppEnvironment environment, String host, int port, String publicBaseUrl, Path dataDir) {}

  /**
   * MongoDB; without a URI the embedded MongoDB-protocol server under {@code dataDir} is used.
   *
   * @param uri {@code mongodb://…} or empty for the embedded server
   */
  public record MongoSettings(Optional<String> uri, int minPoolSize, int maxPoolSize) {}

  /**
   * Redis; without a URL the in-process adapters serve a single instance.
   *
   * @param url {@code redis://…} or empty
   */
  public record RedisSettings(Optional<String> url, int maxConnections) {}

  /**
   * Outgoing e-mail; without a URL mails go to the development outbox.
   *
   * @param url {@code smtp://user:pass@host:port} or {@code smtps://…}, or empty
   */
  public record SmtpSettings(Optional<String> url, String from, boolean startTls) {}

  /**
   * Secrets and password hashing.
   *
   * @param jwtSecret HMAC key for access and visitor tokens (at least 32 bytes)
   * @param bcryptCost bcrypt work factor for new password hashes
   */
  public record SecuritySettings(byte[] jwtSecret, int bcryptCost) {
    @Override
    public String toString() {
      return "SecuritySettings[jwtSecret=****, bcryptCost=" + bcryptCost + "]";
    }
  }

  /** Everything MiniChat needs to start. */
  public record MiniChatConfig(
      AppSettings app,
      MongoSettings mongo,
      RedisSettings redis,
      SmtpSettings smtp,
      SecuritySettings security) {}
}

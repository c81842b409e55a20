package com.minichat.bootstrap.config;

import com.minichat.domain.usage.PriceTable;
import com.minichat.domain.workspace.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
      AppEnvironment environment,
      String host,
      int port,
      String publicBaseUrl,
      Path dataDir,
      Plan defaultPlan) {}

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
   * Secrets, password hashing and the limits of sign-in.
   *
   * @param jwtSecret HMAC key that signs new tokens (at least 32 bytes)
   * @param previousJwtSecrets keys of earlier rotations whose tokens still verify
   * @param encryptionKeyset Tink keyset (JSON) encrypting secrets at rest
   * @param bcryptCost bcrypt work factor for new password hashes
   * @param rateLimits per-IP budgets of sign-in, sign-up, reset and re-send, by name
   * @param admin platform administrator created or updated at start
   */
  public record SecuritySettings(
      byte[] jwtSecret,
      List<byte[]> previousJwtSecrets,
      String encryptionKeyset,
      int bcryptCost,
      Map<String, RateLimitSetting> rateLimits,
      Optional<AdminSettings> admin) {
    @Override
    public String toString() {
      return "SecuritySettings[secrets=****, bcryptCost="
          + bcryptCost
          + ", rateLimits="
          + rateLimits
          + "]";
    }
  }

  /** A budget of {@code permits} per {@code window}, written {@code 5/15m} in configuration. */
  public record RateLimitSetting(int permits, Duration window) {}

  /** The platform administrator's account. */
  public record AdminSettings(String email, String password) {
    @Override
    public String toString() {
      return "AdminSettings[email=" + email + ", password=****]";
    }
  }

  /**
   * Calling AI providers.
   *
   * @param connectTimeout to open a connection to a provider
   * @param firstByteTimeout from the request to the provider's response headers
   * @param stallTimeout the longest silence allowed in a streamed answer
   * @param answerTimeout the longest one provider's whole answer may take
   * @param retries extra attempts on the same provider before the next one answers
   * @param providerDownFor how long a provider whose circuit breaker opened is skipped (shared
   *     through Redis when configured)
   * @param prices what providers charge, for the cost of each answer and monthly budgets
   * @param allowPrivate host names and CIDRs on private networks that providers may be called at;
   *     {@code ["*"]} allows every address
   * @param modelUploadMaxBytes the largest GGUF weights file an admin may upload to an Ollama
   *     server
   */
  public record AiSettings(
      Duration connectTimeout,
      Duration firstByteTimeout,
      Duration stallTimeout,
      Duration answerTimeout,
      int retries,
      Duration providerDownFor,
      PriceTable prices,
      List<String> allowPrivate,
      long modelUploadMaxBytes) {}

  /** Everything MiniChat needs to start. */
  public record MiniChatConfig(
      AppSettings app,
      MongoSettings mongo,
      RedisSettings redis,
      SmtpSettings smtp,
      SecuritySettings security,
      AiSettings ai) {}
}

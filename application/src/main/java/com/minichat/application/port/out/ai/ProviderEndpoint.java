package com.minichat.application.port.out.ai;

import com.minichat.domain.common.Masking;
import com.minichat.domain.provider.ProviderType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One provider of a workspace's chain, ready to call: the API key is in plain text here, so this
 * value lives only in memory for one reply and its {@link #toString()} masks the key.
 *
 * @param type which wire protocol to speak
 * @param model the model name; empty for the offline answerer
 * @param baseUrl the server to call; {@code null} for the hosted service's default address
 * @param apiKey the decrypted API key; {@code null} when none is needed
 */
public record ProviderEndpoint(ProviderType type, String model, String baseUrl, String apiKey) {
  public ProviderEndpoint {
    Objects.requireNonNull(type, "type");
    model = model == null ? "" : model;
  }

  /** The built-in offline answerer, used when a workspace has no chain. */
  public static ProviderEndpoint offline() {
    return new ProviderEndpoint(ProviderType.OFFLINE, "", null, null);
  }

  /**
   * A stable name for this endpoint's health (circuit breaker, shared availability): type, server,
   * model and a digest of the key, so one workspace's exhausted key does not mark the provider down
   * for everyone, and the key itself never appears.
   */
  public String healthKey() {
    String keyDigest = apiKey == null ? "-" : sha256(apiKey).substring(0, 16);
    return type.wireName() + "|" + (baseUrl == null ? "" : baseUrl) + "|" + model + "|" + keyDigest;
  }

  @Override
  public String toString() {
    return "ProviderEndpoint[type="
        + type.wireName()
        + ", model="
        + model
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey == null ? "none" : Masking.mask(apiKey))
        + "]";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

package com.minichat.adapters.ai.provider;

import com.minichat.application.port.out.ai.ProviderEndpoint;
import java.net.URI;
import java.util.Map;

/** Builds the addresses provider clients call, and their bearer authentication. */
public final class Endpoints {
  private Endpoints() {}

  /**
   * {@code path} under the endpoint's base address, or under {@code hostedDefault} when the
   * workspace gave none; a trailing slash on the base is ignored.
   *
   * @param provider the provider's name for the error message
   * @param hostedDefault the hosted service's address; {@code null} for self-hosted kinds, which
   *     must never send a request (and its key) anywhere the workspace did not name
   * @throws ProviderException (not retryable) when there is no address at all
   */
  public static URI resolve(
      String provider, ProviderEndpoint endpoint, String hostedDefault, String path) {
    String base =
        endpoint.baseUrl() == null || endpoint.baseUrl().isBlank()
            ? hostedDefault
            : endpoint.baseUrl();
    if (base == null) {
      throw new ProviderException(provider + " has no server address", false);
    }
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + path);
  }

  /**
   * {@code Authorization: Bearer <key>} when the endpoint has a key, no header otherwise. OpenAI
   * and compatible servers take their keys this way; self-hosted servers usually need none, but a
   * proxy in front of them may.
   */
  public static Map<String, String> bearer(ProviderEndpoint endpoint) {
    return endpoint.apiKey() == null
        ? Map.of()
        : Map.of("Authorization", "Bearer " + endpoint.apiKey());
  }
}

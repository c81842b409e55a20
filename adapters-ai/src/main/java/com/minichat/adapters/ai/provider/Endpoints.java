package com.minichat.adapters.ai.provider;

import com.minichat.application.port.out.ai.ProviderEndpoint;
import java.net.URI;

/** Builds the addresses provider clients call. */
public final class Endpoints {
  private Endpoints() {}

  /**
   * {@code path} under the endpoint's base address, or under {@code hostedDefault} when the
   * workspace gave none; a trailing slash on the base is ignored.
   */
  public static URI resolve(ProviderEndpoint endpoint, String hostedDefault, String path) {
    String base =
        endpoint.baseUrl() == null || endpoint.baseUrl().isBlank()
            ? hostedDefault
            : endpoint.baseUrl();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + path);
  }
}

package com.minichat.application.port.in.apikey;

/** Resolves the workspace key behind a request's secret. */
public interface AuthenticateApiKeyUseCase {
  /**
   * The key, after counting the request against its hourly budget.
   *
   * @throws com.minichat.domain.common.AuthenticationException for an unknown or revoked key, with
   *     code {@code API_KEY_EXPIRED} for an expired one
   * @throws com.minichat.domain.common.RateLimitedException when the key's budget is used up
   */
  ApiKeyAuthentication authenticate(String secret);
}

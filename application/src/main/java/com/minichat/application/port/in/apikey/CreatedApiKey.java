package com.minichat.application.port.in.apikey;

import com.minichat.domain.apikey.ApiKey;

/**
 * A new key and its secret, which is shown this once and never again.
 *
 * @param secret {@code mc_live_…}
 */
public record CreatedApiKey(ApiKey key, String secret) {}

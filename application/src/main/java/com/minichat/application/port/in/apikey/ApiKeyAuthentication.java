package com.minichat.application.port.in.apikey;

import com.minichat.domain.apikey.ApiKey;
import java.time.Duration;

/**
 * An accepted API key and its request budget, for the {@code RateLimit-*} headers.
 *
 * @param reset when the budget is whole again
 */
public record ApiKeyAuthentication(ApiKey key, int limit, int remaining, Duration reset) {}

package com.minichat.application.port.in.webhook;

import com.minichat.domain.webhook.Webhook;

/**
 * A new webhook and its signing secret, shown this once.
 *
 * @param secret {@code whsec_…}, for verifying the signatures of deliveries
 */
public record CreatedWebhook(Webhook webhook, String secret) {}

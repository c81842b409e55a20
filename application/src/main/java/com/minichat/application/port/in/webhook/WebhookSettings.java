package com.minichat.application.port.in.webhook;

import java.util.List;

/**
 * Settings of a webhook as sent; {@code null} fields keep their value on update.
 *
 * @param events wire names such as {@code message.created}
 */
public record WebhookSettings(String url, List<String> events, Boolean enabled) {}

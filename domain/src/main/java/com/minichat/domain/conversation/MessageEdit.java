package com.minichat.domain.conversation;

import java.time.Instant;

/**
 * An earlier version of an edited message.
 *
 * @param text what the message said before
 * @param replacedAt when it was replaced
 */
public record MessageEdit(String text, Instant replacedAt) {}

package com.minichat.bench;

/**
 * How long one call took, counted from just before the request was handed to the HTTP client.
 *
 * @param firstTokenNanos until the line with the first piece of text was read, {@code -1} when no
 *     line carried text (a non-streaming answer)
 * @param totalNanos until the whole response body was read
 */
record Timing(long firstTokenNanos, long totalNanos) {}

package com.minichat.domain.privacy;

import java.util.Objects;

/**
 * Restores placeholders in an answer that arrives in pieces, e.g. {@code "Write to [EM"} then
 * {@code "AIL_1] please"}.
 *
 * <p>Each piece is restored and passed on at once, except for a tail that could still be the start
 * of a placeholder (such as {@code "[EM"}); that tail is held back until the next piece decides it
 * or {@link #finish()} flushes it. The concatenated output equals {@link PlaceholderVault#restore}
 * of the concatenated pieces, however the answer was split. One restorer serves one answer and is
 * not thread-safe.
 */
public final class StreamingRestorer {
  private final PlaceholderVault vault;

  /**
   * Text not yet written, preceded by up to one already written character that is kept only as
   * context, because a bare placeholder must not follow a letter or digit.
   */
  private final StringBuilder pending = new StringBuilder();

  private int contextLength;
  private boolean finished;

  /** A restorer for one answer, putting back the originals held by {@code vault}. */
  public StreamingRestorer(PlaceholderVault vault) {
    this.vault = Objects.requireNonNull(vault, "vault");
  }

  /**
   * Takes the next piece of the answer and returns the restored text that can be shown now,
   * possibly empty.
   *
   * @throws IllegalStateException after {@link #finish()}
   */
  public String accept(String piece) {
    Objects.requireNonNull(piece, "piece");
    if (finished) {
      throw new IllegalStateException("The answer is already finished");
    }
    pending.append(piece);
    return drain(false);
  }

  /**
   * Ends the answer and returns whatever was held back, restored where it is a complete
   * placeholder. Calling it again returns an empty string.
   */
  public String finish() {
    if (finished) {
      return "";
    }
    finished = true;
    return drain(true);
  }

  private String drain(boolean complete) {
    StringBuilder out = new StringBuilder();
    int held = vault.restoreInto(pending, contextLength, complete, out);
    int keepFrom = Math.max(0, held - 1);
    pending.delete(0, keepFrom);
    contextLength = held - keepFrom;
    return out.toString();
  }
}

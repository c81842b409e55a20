package com.minichat.application.port.out.ai;

/**
 * Receives an answer while it is being written, piece by piece. Implementations must be quick and
 * must not throw: a client that went away is the caller's concern, and the answer is still
 * completed and stored.
 */
public interface TokenSink {
  /** A sink for callers that only want the finished answer. */
  TokenSink NONE = token -> {};

  /** The next piece of the answer, in order. */
  void token(String text);

  /**
   * The pieces received so far are void: the provider failed mid-answer and another one starts
   * again from the beginning.
   */
  default void restart() {}
}

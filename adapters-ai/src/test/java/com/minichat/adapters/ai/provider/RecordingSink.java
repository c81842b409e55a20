package com.minichat.adapters.ai.provider;

import com.minichat.application.port.out.ai.TokenSink;
import java.util.ArrayList;
import java.util.List;

/** Records what a provider streamed, restarts included. */
public final class RecordingSink implements TokenSink {
  private final List<String> tokens = new ArrayList<>();
  private int restarts;

  @Override
  public synchronized void token(String text) {
    tokens.add(text);
  }

  @Override
  public synchronized void restart() {
    restarts++;
    tokens.clear();
  }

  /** The pieces since the last restart. */
  public synchronized List<String> tokens() {
    return List.copyOf(tokens);
  }

  /** How often the answer started over. */
  public synchronized int restarts() {
    return restarts;
  }
}

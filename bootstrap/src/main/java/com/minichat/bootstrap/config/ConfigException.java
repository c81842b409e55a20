package com.minichat.bootstrap.config;

import java.util.List;

/** The configuration is unusable; lists every problem found, not only the first. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("MiniChat cannot start; fix the configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

package com.minichat.bootstrap.config;

import java.util.Locale;
import java.util.Optional;

/** The profile MiniChat runs under ({@code APP_ENV}); production refuses weak settings. */
public enum AppEnvironment {
  DEVELOPMENT,
  TEST,
  STAGING,
  PRODUCTION;

  /** The profile named by {@code value} (case-insensitive), if it is one. */
  static Optional<AppEnvironment> parse(String value) {
    for (AppEnvironment environment : values()) {
      if (environment.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
        return Optional.of(environment);
      }
    }
    return Optional.empty();
  }

  /** Whether secrets must be given explicitly and strong (staging behaves like production). */
  public boolean isProductionLike() {
    return this == STAGING || this == PRODUCTION;
  }

  /** Log level of MiniChat's own loggers under this profile. */
  public String logLevel() {
    return switch (this) {
      case DEVELOPMENT -> "DEBUG";
      case TEST -> "WARN";
      case STAGING, PRODUCTION -> "INFO";
    };
  }
}

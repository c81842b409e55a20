package com.minichat.application.port.out.health;

/** Checks that one dependency (database, Redis, …) is reachable right now. */
public interface HealthProbe {
  /** Short name shown in the readiness report, e.g. {@code mongodb}. */
  String name();

  /** Whether the dependency answered; must return within a few seconds and never throw. */
  boolean isHealthy();
}

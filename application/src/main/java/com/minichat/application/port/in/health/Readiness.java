package com.minichat.application.port.in.health;

import java.util.Map;

/**
 * Whether every dependency answered.
 *
 * @param checks each dependency's name and whether it is reachable
 */
public record Readiness(boolean ready, Map<String, Boolean> checks) {
  public Readiness {
    checks = Map.copyOf(checks);
  }
}

package com.minichat.application.port.in.health;

/** Checks that the instance can serve traffic: every configured dependency is reachable. */
public interface CheckReadinessUseCase {
  Readiness check();
}

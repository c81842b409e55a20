package com.minichat.application.service.support;

import com.minichat.application.port.out.health.HealthProbe;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link HealthProbe} whose answer the test sets; counts how often it was asked. */
public final class FixedHealthProbe implements HealthProbe {
  private final String name;
  private final AtomicBoolean healthy;
  private final AtomicInteger calls = new AtomicInteger();

  public FixedHealthProbe(String name, boolean healthy) {
    this.name = name;
    this.healthy = new AtomicBoolean(healthy);
  }

  /** Changes the answer of later checks. */
  public void setHealthy(boolean nowHealthy) {
    healthy.set(nowHealthy);
  }

  /** How many times {@link #isHealthy()} was called. */
  public int calls() {
    return calls.get();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isHealthy() {
    calls.incrementAndGet();
    return healthy.get();
  }
}

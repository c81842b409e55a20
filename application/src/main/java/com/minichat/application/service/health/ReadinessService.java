package com.minichat.application.service.health;

import com.minichat.application.port.in.health.CheckReadinessUseCase;
import com.minichat.application.port.in.health.Readiness;
import com.minichat.application.port.out.health.HealthProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks every configured dependency whether it answers. */
public final class ReadinessService implements CheckReadinessUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(ReadinessService.class);

  private final List<HealthProbe> probes;

  public ReadinessService(List<HealthProbe> probes) {
    this.probes = List.copyOf(probes);
  }

  @Override
  public Readiness check() {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    for (HealthProbe probe : probes) {
      boolean healthy = probe.isHealthy();
      if (!healthy) {
        LOG.warn("dependency not ready dependency={}", probe.name());
      }
      checks.put(probe.name(), healthy);
    }
    return new Readiness(!checks.containsValue(false), checks);
  }
}

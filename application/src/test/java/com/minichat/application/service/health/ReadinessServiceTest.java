package com.minichat.application.service.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.health.Readiness;
import com.minichat.application.port.out.health.HealthProbe;
import com.minichat.application.service.support.FixedHealthProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessServiceTest {

  @Test
  void allHealthyMeansReady() {
    Readiness readiness =
        new ReadinessService(
                List.of(new FixedHealthProbe("mongodb", true), new FixedHealthProbe("redis", true)))
            .check();

    assertTrue(readiness.ready());
    assertEquals(Map.of("mongodb", true, "redis", true), readiness.checks());
  }

  @Test
  void oneUnhealthyProbeMeansNotReadyWithEveryProbesResult() {
    Readiness readiness =
        new ReadinessService(
                List.of(
                    new FixedHealthProbe("mongodb", true),
                    new FixedHealthProbe("redis", false),
                    new FixedHealthProbe("smtp", true)))
            .check();

    assertFalse(readiness.ready());
    assertEquals(Map.of("mongodb", true, "redis", false, "smtp", true), readiness.checks());
  }

  @Test
  void withoutProbesTheInstanceIsReady() {
    Readiness readiness = new ReadinessService(List.of()).check();

    assertTrue(readiness.ready());
    assertEquals(Map.of(), readiness.checks());
  }

  @Test
  void everyCheckAsksTheProbesAgain() {
    FixedHealthProbe redis = new FixedHealthProbe("redis", true);
    ReadinessService service = new ReadinessService(List.of(redis));

    assertTrue(service.check().ready());
    redis.setHealthy(false);
    Readiness afterOutage = service.check();

    assertFalse(afterOutage.ready());
    assertEquals(Map.of("redis", false), afterOutage.checks());
    assertEquals(2, redis.calls());
  }

  @Test
  void laterChangesToTheProbeListDoNotAffectTheService() {
    List<HealthProbe> probes = new ArrayList<>(List.of(new FixedHealthProbe("mongodb", true)));
    ReadinessService service = new ReadinessService(probes);

    probes.add(new FixedHealthProbe("redis", false));

    assertTrue(service.check().ready());
  }
}

package com.minichat.adapters.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MongoHealthProbeTest {
  static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void healthyWhenTheServerAnswers() {
    MongoHealthProbe probe =
        new MongoHealthProbe(MongoTestTarget.MEMORY.client().getDatabase("minichat"));

    assertEquals("mongodb", probe.name());
    assertTrue(probe.isHealthy());
  }

  @Test
  void unhealthyWithinTheProbeTimeoutWhenNothingListens() throws IOException {
    String uri = "mongodb://127.0.0.1:" + unusedPort();
    try (MongoClient client = MongoConnections.open(uri, 0, 1, Duration.ofSeconds(30))) {
      MongoHealthProbe probe =
          new MongoHealthProbe(client.getDatabase("minichat"), Duration.ofMillis(300));

      long start = System.nanoTime();
      boolean healthy = probe.isHealthy();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertFalse(healthy);
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    }
  }

  @Test
  void unhealthyOnceTheServerStops() {
    EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
    try (MongoClient client =
        MongoConnections.open(server.connectionString(), 0, 1, Duration.ofMillis(500))) {
      MongoHealthProbe probe = new MongoHealthProbe(client.getDatabase("minichat"));
      assertTrue(probe.isHealthy());

      server.close();

      assertFalse(probe.isHealthy());
    } finally {
      server.close();
    }
  }

  @Test
  void unhealthyRatherThanThrowingOnAClosedClient() {
    EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
    try {
      MongoClient client =
          MongoConnections.open(server.connectionString(), 0, 1, Duration.ofSeconds(2));
      MongoHealthProbe probe = new MongoHealthProbe(client.getDatabase("minichat"));
      client.close();

      assertFalse(probe.isHealthy());
    } finally {
      server.close();
    }
  }
}

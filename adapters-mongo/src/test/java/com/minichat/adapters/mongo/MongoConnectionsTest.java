package com.minichat.adapters.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoConnectionsTest {
  @Test
  void poolSizesAndTimeoutsAreApplied() {
    MongoClientSettings settings =
        MongoConnections.settings(
            "mongodb://db.example.com:27017/shop?minPoolSize=1&maxPoolSize=50",
            5,
            10,
            Duration.ofMillis(2500));

    assertEquals(5, settings.getConnectionPoolSettings().getMinSize());
    assertEquals(10, settings.getConnectionPoolSettings().getMaxSize());
    assertEquals(2500, settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS));
    assertEquals(
        2500, settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS));
    assertEquals(2500, settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS));
    assertEquals("minichat", settings.getApplicationName());
  }

  @Test
  void applicationNameFromTheUriIsKept() {
    assertEquals(
        "shop-bot",
        MongoConnections.settings(
                "mongodb://localhost/?appName=shop-bot", 0, 1, Duration.ofSeconds(1))
            .getApplicationName());
  }

  @Test
  void outOfRangeArgumentsAreRejected() {
    Duration second = Duration.ofSeconds(1);
    String uri = "mongodb://localhost";
    assertThrows(
        IllegalArgumentException.class, () -> MongoConnections.settings(uri, 6, 5, second));
    assertThrows(
        IllegalArgumentException.class, () -> MongoConnections.settings(uri, -1, 5, second));
    assertThrows(
        IllegalArgumentException.class, () -> MongoConnections.settings(uri, 0, 0, second));
    assertThrows(
        IllegalArgumentException.class, () -> MongoConnections.settings(uri, 0, 5, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> MongoConnections.settings(" ", 0, 5, second));
    assertThrows(
        IllegalArgumentException.class,
        () -> MongoConnections.settings("http://localhost", 0, 5, second));
  }

  @Test
  void databaseNameComesFromTheUriOrDefaults() {
    assertEquals("shop", MongoConnections.databaseName("mongodb://db.example.com/shop?w=1"));
    assertEquals("minichat", MongoConnections.databaseName("mongodb://db.example.com"));
    assertEquals("minichat", MongoConnections.databaseName("mongodb://db.example.com/"));
  }

  @Test
  void openedClientTalksToTheServer() {
    try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
        MongoClient client =
            MongoConnections.open(server.connectionString(), 1, 3, Duration.ofSeconds(5))) {
      Document reply = client.getDatabase("admin").runCommand(new Document("ping", 1));

      assertEquals(1.0, reply.get("ok", Number.class).doubleValue());
    }
  }
}

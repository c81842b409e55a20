package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.http.testing.ApiResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development outbox exists only in development without SMTP. */
class OutboxTest {
  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void developmentWithoutSmtpKeepsMailsNewestFirst() {
    app = IdentityApp.start(dataDir);
    app.register("first@example.com");
    app.register("second@example.com");

    ApiResponse outbox = app.api().get("/api/v1/dev/outbox");

    assertEquals(200, outbox.status());
    assertEquals("second@example.com", outbox.data().at("/messages/0/to").asText());
    assertEquals("first@example.com", outbox.data().at("/messages/1/to").asText());
  }

  @Test
  void theOutboxIsAbsentUnderAppEnvTest() {
    app = IdentityApp.start(dataDir, "APP_ENV", "test");
    app.register("hidden@example.com");

    ApiResponse outbox = app.api().get("/api/v1/dev/outbox");

    assertEquals(404, outbox.status(), outbox.body());
    assertEquals("NOT_FOUND", outbox.errorCode());
    assertTrue(outbox.body().indexOf("hidden@example.com") < 0, outbox.body());
  }

  @Test
  void theOutboxIsAbsentInDevelopmentWithSmtp() {
    app = IdentityApp.start(dataDir, "SMTP_URL", "smtp://127.0.0.1:9", "SMTP_STARTTLS", "false");

    ApiResponse outbox = app.api().get("/api/v1/dev/outbox");

    assertEquals(404, outbox.status(), outbox.body());
    assertEquals("NOT_FOUND", outbox.errorCode());
  }
}

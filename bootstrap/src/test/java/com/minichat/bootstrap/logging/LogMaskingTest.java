package com.minichat.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logs secrets through the production {@code logback.xml} encoder and reads the JSON it writes:
 * passwords, tokens, API keys, Authorization headers and card numbers must never appear.
 */
class LogMaskingTest {
  private Encoder<ILoggingEvent> encoder;
  private Logger logger;

  @BeforeEach
  void loadProductionConfiguration() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try (InputStream config = getClass().getClassLoader().getResourceAsStream("logback.xml")) {
      configurator.doConfigure(config);
    }
    logger = context.getLogger("com.minichat.test");
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> appender =
        (OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("JSON");
    encoder = appender.getEncoder();
  }

  private String line(String message, Object... args) {
    LoggingEvent event =
        new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, args);
    event.setMDCPropertyMap(Map.of("requestId", "req-12345678"));
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void linesAreJsonWithTheRequestId() {
    String line = line("hello {}", "world");

    assertTrue(line.startsWith("{") && line.strip().endsWith("}"), line);
    assertTrue(line.contains("\"message\":\"hello world\""), line);
    assertTrue(line.contains("\"requestId\":\"req-12345678\""), line);
    assertTrue(line.contains("\"level\":\"INFO\""), line);
  }

  @Test
  void passwordsAndTokensInTextAreMasked() {
    String line =
        line(
            "login password={} token: {} api_key={} Authorization: Bearer {}",
            "Sup3r$ecret!",
            "tok-987654321",
            "key-abcdef123",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");

    assertFalse(line.contains("Sup3r$ecret!"), line);
    assertFalse(line.contains("tok-987654321"), line);
    assertFalse(line.contains("key-abcdef123"), line);
    assertFalse(line.contains("eyJzdWIiOiIxIn0"), line);
    assertTrue(line.contains("****"), line);
  }

  @Test
  void apiKeysAndProviderKeysAreMaskedAnywhere() {
    String line = line("using {} and {}", "mc_live_0123456789abcdef", "sk-proj-ABCDEFGHIJ123456");

    assertFalse(line.contains("mc_live_0123456789abcdef"), line);
    assertFalse(line.contains("sk-proj-ABCDEFGHIJ123456"), line);
  }

  @Test
  void cardNumbersAreMasked() {
    String line = line("paid with {} and {}", "4111 1111 1111 1111", "5500-0000-0000-0004");

    assertFalse(line.contains("4111 1111 1111 1111"), line);
    assertFalse(line.contains("5500-0000-0000-0004"), line);
  }

  @Test
  void credentialsInUrlsAreMasked() {
    String line = line("connecting to {}", "redis://admin:hunter2@cache:6379");

    assertFalse(line.contains("hunter2"), line);
    assertTrue(line.contains("cache:6379"), line);
  }

  @Test
  void ordinaryTextIsKept() {
    String line = line("conversation started workspaceId={} messages={}", "ab12cd34", 42);

    assertTrue(line.contains("workspaceId=ab12cd34 messages=42"), line);
  }
}

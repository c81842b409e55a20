package com.minichat.bootstrap;

import com.minichat.bootstrap.config.AppEnvironment;
import com.minichat.bootstrap.config.ConfigException;
import com.minichat.bootstrap.config.ConfigLoader;
import com.minichat.bootstrap.config.Settings.MiniChatConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts MiniChat from environment variables and stops it cleanly on SIGTERM/Ctrl+C. */
public final class Main {
  /** System property read by logback.xml for MiniChat's own log level. */
  static final String LOG_LEVEL_PROPERTY = "MINICHAT_LOG_LEVEL";

  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    // Before the first logger exists, so that logback picks the level of this environment.
    System.setProperty(LOG_LEVEL_PROPERTY, logLevel(env));
    Logger log = LoggerFactory.getLogger(Main.class);
    // No failure may vanish silently, whichever thread it happens on.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, failure) -> log.error("uncaught failure thread={}", thread.getName(), failure));
    MiniChatConfig config;
    try {
      config = new ConfigLoader(env).load();
    } catch (ConfigException e) {
      log.error(e.getMessage());
      System.exit(2);
      return;
    }
    // Millisecond ticks: what is returned equals what the database stores.
    MiniChat miniChat = MiniChat.start(config, Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      log.info("stopping MiniChat");
                      miniChat.close();
                    }));
    String base = config.app().publicBaseUrl();
    log.info(
        "MiniChat is running environment={} port={} dashboard={}/ apiDocs={}/docs demo={}/demo.html"
            + " dataDir={} mongodb={} redis={}",
        config.app().environment().name().toLowerCase(Locale.ROOT),
        miniChat.port(),
        base,
        base,
        base,
        config.app().dataDir(),
        config.mongo().uri().isPresent() ? "external" : "embedded",
        config.redis().url().isPresent() ? "external" : "in-process");
  }

  private static String logLevel(Map<String, String> env) {
    String explicit = env.get("LOG_LEVEL");
    if (explicit != null && !explicit.isBlank()) {
      return explicit.strip().toUpperCase(Locale.ROOT);
    }
    String name = env.getOrDefault("APP_ENV", "development").strip().toUpperCase(Locale.ROOT);
    try {
      return AppEnvironment.valueOf(name).logLevel();
    } catch (IllegalArgumentException e) {
      return "INFO"; // the loader reports the bad APP_ENV with every other problem
    }
  }
}

package com.minichat.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.security.TinkSecretCipher;
import com.minichat.bootstrap.config.Settings.MiniChatConfig;
import com.minichat.domain.usage.PriceTable;
import com.minichat.domain.workspace.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String STRONG_SECRET = "q7Z!v9#Lm2@xR5$wT8^pK1&nB4*cY6(hJ3)";

  @TempDir Path dataDir;

  @Test
  void noConfigurationGivesTheEmbeddedDefaults() {
    MiniChatConfig config = new ConfigLoader(Map.of("DATA_DIR", dataDir.toString())).load();

    assertEquals(AppEnvironment.DEVELOPMENT, config.app().environment());
    assertEquals(8080, config.app().port());
    assertEquals("http://localhost:8080", config.app().publicBaseUrl());
    assertTrue(config.mongo().uri().isEmpty());
    assertTrue(config.redis().url().isEmpty());
    assertTrue(config.smtp().url().isEmpty());
    assertEquals(5, config.mongo().minPoolSize());
    assertEquals(10, config.mongo().maxPoolSize());
    assertEquals(12, config.security().bcryptCost());
    assertEquals(Plan.UNLIMITED, config.app().defaultPlan());
  }

  @Test
  void theDefaultPlanIsChosenByName() {
    MiniChatConfig config =
        new ConfigLoader(Map.of("DATA_DIR", dataDir.toString(), "DEFAULT_PLAN", "Free")).load();

    assertEquals(Plan.FREE, config.app().defaultPlan());
  }

  @Test
  void aiTimeoutsRetriesAndDownTimeHaveDefaultsAndReadDurations() {
    MiniChatConfig defaults = new ConfigLoader(Map.of("DATA_DIR", dataDir.toString())).load();
    assertEquals(Duration.ofSeconds(5), defaults.ai().connectTimeout());
    assertEquals(Duration.ofSeconds(30), defaults.ai().firstByteTimeout());
    assertEquals(Duration.ofSeconds(20), defaults.ai().stallTimeout());
    assertEquals(Duration.ofMinutes(2), defaults.ai().answerTimeout());
    assertEquals(2, defaults.ai().retries());
    assertEquals(Duration.ofMinutes(5), defaults.ai().providerDownFor());

    MiniChatConfig given =
        new ConfigLoader(
                Map.of(
                    "DATA_DIR", dataDir.toString(),
                    "AI_STALL_TIMEOUT", "750ms",
                    "AI_PROVIDER_DOWN_FOR", "1h",
                    "AI_RETRIES", "0"))
            .load();
    assertEquals(Duration.ofMillis(750), given.ai().stallTimeout());
    assertEquals(Duration.ofHours(1), given.ai().providerDownFor());
    assertEquals(0, given.ai().retries());

    ConfigException wrong =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of("DATA_DIR", dataDir.toString(), "AI_FIRST_BYTE_TIMEOUT", "30"))
                    .load());
    assertTrue(
        wrong
            .problems()
            .contains(
                "AI_FIRST_BYTE_TIMEOUT must be a duration such as 500ms, 30s, 5m or 1h; was '30'"),
        wrong.problems().toString());
  }

  @Test
  void theModelUploadLimitIs20GbUnlessGivenInBytesOrWithAUnit() {
    assertEquals(
        20L << 30,
        new ConfigLoader(Map.of("DATA_DIR", dataDir.toString())).load().ai().modelUploadMaxBytes());
    for (Map.Entry<String, Long> given :
        Map.of("1048576", 1L << 20, "512mb", 512L << 20, "1 TB", 1L << 40).entrySet()) {
      assertEquals(
          given.getValue(),
          new ConfigLoader(
                  Map.of("DATA_DIR", dataDir.toString(), "MODEL_UPLOAD_MAX_BYTES", given.getKey()))
              .load()
              .ai()
              .modelUploadMaxBytes(),
          given.getKey());
    }

    ConfigException wrong =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of("DATA_DIR", dataDir.toString(), "MODEL_UPLOAD_MAX_BYTES", "20 GiB"))
                    .load());
    assertEquals(
        "MODEL_UPLOAD_MAX_BYTES must be a size such as 512MB, 20GB or 1048576 (bytes);"
            + " was '20 GiB'",
        wrong.problems().getFirst());
  }

  @Test
  void bundledListPricesApplyUnlessAPriceFileReplacesThem() throws Exception {
    PriceTable bundled =
        new ConfigLoader(Map.of("DATA_DIR", dataDir.toString())).load().ai().prices();
    assertEquals(
        150_000, bundled.priceOf("openai", "gpt-4o-mini").orElseThrow().inputMicrosPerMillion());

    Path file = dataDir.resolve("prices.json");
    Files.writeString(
        file,
        "[{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"inputUsdPerMillion\":0.1,"
            + "\"outputUsdPerMillion\":0.2}]");
    PriceTable own =
        new ConfigLoader(Map.of("DATA_DIR", dataDir.toString(), "AI_PRICES_FILE", file.toString()))
            .load()
            .ai()
            .prices();
    assertEquals(
        100_000, own.priceOf("openai", "gpt-4o-mini").orElseThrow().inputMicrosPerMillion());
    assertEquals(true, own.priceOf("openai", "gpt-4o").isEmpty(), "the file replaces the list");

    Files.writeString(
        file,
        "[{\"provider\":\"openai\",\"model\":\"x\",\"inputUsdPerMillion\":-1,\"outputUsdPerMillion\":0}]");
    ConfigException wrong =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of("DATA_DIR", dataDir.toString(), "AI_PRICES_FILE", file.toString()))
                    .load());
    assertTrue(
        wrong.problems().getFirst().startsWith("AI_PRICES_FILE must be a JSON array"),
        wrong.problems().toString());
  }

  @Test
  void privateOutboundAddressesAreAllowedInDevelopmentAndOnlyWhenListedInProduction() {
    assertEquals(
        List.of("*"),
        new ConfigLoader(Map.of("DATA_DIR", dataDir.toString())).load().ai().allowPrivate());
    assertEquals(
        List.of("10.0.0.0/8", "ollama.internal"),
        new ConfigLoader(
                Map.of(
                    "DATA_DIR",
                    dataDir.toString(),
                    "OUTBOUND_ALLOW_PRIVATE",
                    " 10.0.0.0/8, ollama.internal ,"))
            .load()
            .ai()
            .allowPrivate());

    ConfigException wrong =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of(
                            "DATA_DIR", dataDir.toString(), "OUTBOUND_ALLOW_PRIVATE", "http://x/"))
                    .load());
    assertTrue(
        wrong.problems().getFirst().startsWith("OUTBOUND_ALLOW_PRIVATE must list"),
        wrong.problems().toString());
  }

  @Test
  void theDevelopmentSecretIsGeneratedOnceAndKept() {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString());
    byte[] first = new ConfigLoader(env).load().security().jwtSecret();
    byte[] second = new ConfigLoader(env).load().security().jwtSecret();

    assertTrue(first.length >= ConfigLoader.MIN_SECRET_BYTES);
    assertArrayEquals(first, second);
    assertTrue(Files.exists(dataDir.resolve("secrets/jwt-secret")));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of(
                            "APP_ENV", "prod",
                            "PORT", "eighty",
                            "MONGODB_URI", "postgres://db",
                            "REDIS_URL", "http://cache",
                            "MONGODB_MIN_POOL_SIZE", "20",
                            "DEFAULT_PLAN", "gold",
                            "DATA_DIR", dataDir.toString()))
                    .load());

    String all = String.join("\n", failure.problems());
    assertTrue(all.contains("APP_ENV"), all);
    assertTrue(all.contains("PORT"), all);
    assertTrue(all.contains("MONGODB_URI"), all);
    assertTrue(all.contains("REDIS_URL"), all);
    assertTrue(all.contains("MONGODB_MIN_POOL_SIZE"), all);
    assertTrue(all.contains("DEFAULT_PLAN must be one of free, pro, business, unlimited"), all);
    assertEquals(6, failure.problems().size(), all);
  }

  @Test
  void productionRefusesMissingAndWeakSecrets() {
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of(
                            "APP_ENV", "production",
                            "PUBLIC_BASE_URL", "http://chat.example.com",
                            "BCRYPT_COST", "4"))
                    .load());
    String all = String.join("\n", missing.problems());
    assertTrue(all.contains("JWT_SECRET"), all);
    assertTrue(all.contains("ENCRYPTION_KEYSET"), all);
    assertTrue(all.contains("https"), all);
    assertTrue(all.contains("BCRYPT_COST"), all);

    ConfigException weak =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of(
                            "APP_ENV", "production",
                            "PUBLIC_BASE_URL", "https://chat.example.com",
                            "JWT_SECRET", "a".repeat(40)))
                    .load());
    assertTrue(weak.problems().getFirst().contains("too weak"), weak.problems().toString());
  }

  @Test
  void secretsAreReadFromFiles() throws Exception {
    Path secretFile = dataDir.resolve("jwt");
    Files.writeString(secretFile, STRONG_SECRET + "\n");

    MiniChatConfig config =
        new ConfigLoader(
                Map.of(
                    "APP_ENV",
                    "production",
                    "PUBLIC_BASE_URL",
                    "https://chat.example.com",
                    "JWT_SECRET_FILE",
                    secretFile.toString(),
                    "ENCRYPTION_KEYSET",
                    TinkSecretCipher.generateKeysetJson(),
                    "DATA_DIR",
                    dataDir.toString()))
            .load();

    assertEquals(STRONG_SECRET, new String(config.security().jwtSecret()));
    assertFalse(config.security().toString().contains(STRONG_SECRET), "secret is never printed");
  }

  @Test
  void developmentGeneratesAnEncryptionKeysetOnce() {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString());

    String first = new ConfigLoader(env).load().security().encryptionKeyset();
    String second = new ConfigLoader(env).load().security().encryptionKeyset();

    assertEquals(first, second);
    assertEquals(
        "ok",
        new TinkSecretCipher(first).decrypt(new TinkSecretCipher(first).encrypt("ok", "a"), "a"));
  }

  @Test
  void rateLimitsAreConfigurableAndCheckedWithDefaults() {
    MiniChatConfig config =
        new ConfigLoader(Map.of("LOGIN_RATE_LIMIT", "10/30s", "DATA_DIR", dataDir.toString()))
            .load();

    assertEquals(
        new Settings.RateLimitSetting(10, Duration.ofSeconds(30)),
        config.security().rateLimits().get("LOGIN_RATE_LIMIT"));
    assertEquals(
        new Settings.RateLimitSetting(3, Duration.ofHours(1)),
        config.security().rateLimits().get("REGISTER_RATE_LIMIT"));
    ConfigException bad =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of(
                            "REGISTER_RATE_LIMIT", "lots",
                            "ADMIN_EMAIL", "admin@example.com",
                            "DATA_DIR", dataDir.toString()))
                    .load());
    assertEquals(2, bad.problems().size(), bad.problems().toString());
  }

  @Test
  void aValueAndItsFileTogetherAreRefused() {
    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of(
                            "JWT_SECRET",
                            STRONG_SECRET,
                            "JWT_SECRET_FILE",
                            "/nonexistent",
                            "DATA_DIR",
                            dataDir.toString()))
                    .load());
    assertTrue(failure.problems().getFirst().contains("not both"));
  }

  @Test
  void urlCredentialsAreNeverEchoedInProblems() {
    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        Map.of(
                            "SMTP_URL", "http://user:hunter2@mail", "DATA_DIR", dataDir.toString()))
                    .load());
    assertFalse(failure.getMessage().contains("hunter2"), failure.getMessage());
  }
}

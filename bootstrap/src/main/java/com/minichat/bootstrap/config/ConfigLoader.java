package com.minichat.bootstrap.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.minichat.adapters.security.TinkSecretCipher;
import com.minichat.bootstrap.config.Settings.AdminSettings;
import com.minichat.bootstrap.config.Settings.AiSettings;
import com.minichat.bootstrap.config.Settings.AppSettings;
import com.minichat.bootstrap.config.Settings.MiniChatConfig;
import com.minichat.bootstrap.config.Settings.MongoSettings;
import com.minichat.bootstrap.config.Settings.RateLimitSetting;
import com.minichat.bootstrap.config.Settings.RedisSettings;
import com.minichat.bootstrap.config.Settings.SecuritySettings;
import com.minichat.bootstrap.config.Settings.SmtpSettings;
import com.minichat.domain.usage.PriceTable;
import com.minichat.domain.usage.PriceTable.Price;
import com.minichat.domain.usage.Usd;
import com.minichat.domain.workspace.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the typed configuration from environment variables. Any secret may instead be read from
 * the file named by {@code NAME_FILE}. Every problem is collected and reported at once.
 */
public final class ConfigLoader {
  /** Shortest accepted JWT signing secret, in bytes. */
  static final int MIN_SECRET_BYTES = 32;

  private static final int DEFAULT_PORT = 8080;
  private static final int DEFAULT_BCRYPT_COST = 12;
  private static final int MIN_PRODUCTION_BCRYPT_COST = 10;
  private static final Pattern RATE = Pattern.compile("^(\\d{1,6})/(\\d{1,6})([smh])$");

  /** In {@code OUTBOUND_ALLOW_PRIVATE}: every address. */
  public static final String ALLOW_ALL = "*";

  private static final Pattern ALLOW_ENTRY = Pattern.compile("^[A-Za-z0-9.:-]+(/\\d{1,3})?$");
  private static final String BUNDLED_PRICES = "/com/minichat/bootstrap/prices.json";
  private static final ObjectReader PRICE_READER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .readerForListOf(PriceRow.class);
  private static final Pattern DURATION = Pattern.compile("^(\\d{1,9})(ms|s|m|h)$");
  private static final Pattern SIZE =
      Pattern.compile("^(\\d{1,12})\\s*(|KB|MB|GB|TB)$", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  /**
   * @param env the variables to read, normally {@link System#getenv()}
   */
  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * The validated configuration.
   *
   * @throws ConfigException listing every problem when anything is wrong
   */
  public MiniChatConfig load() {
    problems.clear();
    AppEnvironment environment =
        value("APP_ENV")
            .map(
                name ->
                    AppEnvironment.parse(name)
                        .orElseGet(
                            () -> {
                              problems.add(
                                  "APP_ENV must be one of development, test, staging, production"
                                      + " (was '"
                                      + name
                                      + "')");
                              return AppEnvironment.DEVELOPMENT;
                            }))
            .orElse(AppEnvironment.DEVELOPMENT);
    int port = integer("PORT", DEFAULT_PORT, 0, 65535);
    String publicBaseUrl =
        value("PUBLIC_BASE_URL").orElse("http://localhost:" + (port == 0 ? DEFAULT_PORT : port));
    checkUrl("PUBLIC_BASE_URL", publicBaseUrl, List.of("http", "https"));
    if (environment == AppEnvironment.PRODUCTION && !publicBaseUrl.startsWith("https://")) {
      problems.add("PUBLIC_BASE_URL must use https:// in production");
    }
    Path dataDir = Path.of(value("DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
    Plan defaultPlan =
        value("DEFAULT_PLAN")
            .map(
                name ->
                    Plan.parse(name)
                        .orElseGet(
                            () -> {
                              problems.add(
                                  "DEFAULT_PLAN must be one of free, pro, business, unlimited"
                                      + " (was '"
                                      + name
                                      + "')");
                              return Plan.UNLIMITED;
                            }))
            .orElse(Plan.UNLIMITED);
    AppSettings app =
        new AppSettings(
            environment,
            value("HOST").orElse("0.0.0.0"),
            port,
            publicBaseUrl,
            dataDir,
            defaultPlan);

    Optional<String> mongoUri = secret("MONGODB_URI");
    mongoUri.ifPresent(uri -> checkUrl("MONGODB_URI", uri, List.of("mongodb", "mongodb+srv")));
    int minPool = integer("MONGODB_MIN_POOL_SIZE", 5, 0, 500);
    int maxPool = integer("MONGODB_MAX_POOL_SIZE", 10, 1, 500);
    if (minPool > maxPool) {
      problems.add("MONGODB_MIN_POOL_SIZE must not exceed MONGODB_MAX_POOL_SIZE");
    }
    MongoSettings mongo = new MongoSettings(mongoUri, minPool, maxPool);

    Optional<String> redisUrl = secret("REDIS_URL");
    redisUrl.ifPresent(url -> checkUrl("REDIS_URL", url, List.of("redis", "rediss")));
    RedisSettings redis =
        new RedisSettings(redisUrl, integer("REDIS_MAX_CONNECTIONS", 16, 1, 1000));

    Optional<String> smtpUrl = secret("SMTP_URL");
    smtpUrl.ifPresent(url -> checkUrl("SMTP_URL", url, List.of("smtp", "smtps")));
    SmtpSettings smtp =
        new SmtpSettings(
            smtpUrl,
            value("SMTP_FROM").orElse("MiniChat <no-reply@minichat.local>"),
            bool("SMTP_STARTTLS", true));

    SecuritySettings security =
        new SecuritySettings(
            jwtSecret(environment, dataDir),
            previousJwtSecrets(),
            encryptionKeyset(environment, dataDir),
            bcryptCost(environment),
            rateLimits(),
            admin());

    AiSettings ai =
        new AiSettings(
            duration("AI_CONNECT_TIMEOUT", "5s"),
            duration("AI_FIRST_BYTE_TIMEOUT", "30s"),
            duration("AI_STALL_TIMEOUT", "20s"),
            duration("AI_ANSWER_TIMEOUT", "2m"),
            integer("AI_RETRIES", 2, 0, 5),
            duration("AI_PROVIDER_DOWN_FOR", "5m"),
            prices(),
            allowPrivate(environment),
            size("MODEL_UPLOAD_MAX_BYTES", "20GB"));

    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new MiniChatConfig(app, mongo, redis, smtp, security, ai);
  }

  private byte[] jwtSecret(AppEnvironment environment, Path dataDir) {
    Optional<String> given = secret("JWT_SECRET");
    if (given.isPresent()) {
      byte[] bytes = given.get().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < MIN_SECRET_BYTES) {
        problems.add("JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
      } else if (given.get().chars().distinct().count() < 8) {
        problems.add("JWT_SECRET is too weak: use a random value (e.g. openssl rand -base64 48)");
      }
      return bytes;
    }
    if (environment.isProductionLike()) {
      problems.add(
          "JWT_SECRET (or JWT_SECRET_FILE) is required in " + environment.name().toLowerCase());
      return new byte[0];
    }
    String encoded =
        generatedFile(
            dataDir.resolve("secrets").resolve("jwt-secret"),
            () -> {
              byte[] secret = new byte[48];
              new SecureRandom().nextBytes(secret);
              return Base64.getEncoder().encodeToString(secret);
            });
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      problems.add("the development JWT secret under DATA_DIR/secrets is damaged; delete it");
      return new byte[0];
    }
  }

  /**
   * Development convenience: a secret generated once and kept under DATA_DIR (readable by the owner
   * only) so that tokens and encrypted values survive restarts.
   */
  private String generatedFile(Path file, Supplier<String> generator) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      Files.createDirectories(file.getParent());
      String secret = generator.get().strip();
      Files.writeString(file, secret);
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return secret;
    } catch (IOException e) {
      problems.add("cannot read or create " + file + ": " + e.getMessage());
      return "";
    }
  }

  private List<byte[]> previousJwtSecrets() {
    return secret("JWT_PREVIOUS_SECRETS").stream()
        .flatMap(list -> Arrays.stream(list.split(",")))
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .map(value -> value.getBytes(StandardCharsets.UTF_8))
        .peek(
            bytes -> {
              if (bytes.length < MIN_SECRET_BYTES) {
                problems.add(
                    "every JWT_PREVIOUS_SECRETS entry must be at least "
                        + MIN_SECRET_BYTES
                        + " bytes long");
              }
            })
        .toList();
  }

  private String encryptionKeyset(AppEnvironment environment, Path dataDir) {
    Optional<String> given = secret("ENCRYPTION_KEYSET");
    if (given.isPresent()) {
      return given.get();
    }
    if (environment.isProductionLike()) {
      problems.add(
          "ENCRYPTION_KEYSET (or ENCRYPTION_KEYSET_FILE) is required in "
              + environment.name().toLowerCase(Locale.ROOT));
      return "";
    }
    return generatedFile(
        dataDir.resolve("secrets").resolve("encryption-keyset.json"),
        TinkSecretCipher::generateKeysetJson);
  }

  private Map<String, RateLimitSetting> rateLimits() {
    Map<String, RateLimitSetting> limits = new LinkedHashMap<>();
    limits.put("LOGIN_RATE_LIMIT", rateLimit("LOGIN_RATE_LIMIT", "5/15m"));
    limits.put("REGISTER_RATE_LIMIT", rateLimit("REGISTER_RATE_LIMIT", "3/1h"));
    limits.put("PASSWORD_RESET_RATE_LIMIT", rateLimit("PASSWORD_RESET_RATE_LIMIT", "5/1h"));
    limits.put(
        "VERIFICATION_RESEND_RATE_LIMIT", rateLimit("VERIFICATION_RESEND_RATE_LIMIT", "3/1h"));
    limits.put("API_KEY_RATE_LIMIT", rateLimit("API_KEY_RATE_LIMIT", "1000/1h"));
    return limits;
  }

  /** Reads {@code N/<duration>} such as {@code 5/15m}, {@code 3/1h} or {@code 100/30s}. */
  private RateLimitSetting rateLimit(String name, String fallback) {
    String raw = value(name).orElse(fallback);
    Matcher matcher = RATE.matcher(raw);
    if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1) {
      problems.add(name + " must look like 5/15m (permits/window in s, m or h); was '" + raw + "'");
      matcher = RATE.matcher(fallback);
      matcher.matches();
    }
    long amount = Math.max(1, Long.parseLong(matcher.group(2)));
    Duration window =
        switch (matcher.group(3)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    return new RateLimitSetting(Integer.parseInt(matcher.group(1)), window);
  }

  /** Reads a positive duration such as {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}. */
  private Duration duration(String name, String fallback) {
    String raw = value(name).orElse(fallback);
    Matcher matcher = DURATION.matcher(raw);
    if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
      problems.add(name + " must be a duration such as 500ms, 30s, 5m or 1h; was '" + raw + "'");
      matcher = DURATION.matcher(fallback);
      matcher.matches();
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /**
   * Reads a positive size in bytes, plain or with a 1024-based unit: {@code 1048576}, {@code
   * 512MB}, {@code 20GB}.
   */
  private long size(String name, String fallback) {
    String raw = value(name).orElse(fallback);
    Matcher matcher = SIZE.matcher(raw);
    long bytes = matcher.matches() ? bytes(matcher) : 0;
    if (bytes < 1) {
      problems.add(
          name + " must be a size such as 512MB, 20GB or 1048576 (bytes); was '" + raw + "'");
      matcher = SIZE.matcher(fallback);
      matcher.matches();
      bytes = bytes(matcher);
    }
    return bytes;
  }

  /** The bytes a matched size stands for; 0 when it overflows. */
  private static long bytes(Matcher size) {
    int shift =
        switch (size.group(2).toUpperCase(Locale.ROOT)) {
          case "KB" -> 10;
          case "MB" -> 20;
          case "GB" -> 30;
          case "TB" -> 40;
          default -> 0;
        };
    try {
      return Math.multiplyExact(Long.parseLong(size.group(1)), 1L << shift);
    } catch (ArithmeticException e) {
      return 0;
    }
  }

  /** One row of a price file: US dollars per million tokens. */
  private record PriceRow(
      String provider,
      String model,
      BigDecimal inputUsdPerMillion,
      BigDecimal outputUsdPerMillion) {}

  /** The bundled list prices, or the table in {@code AI_PRICES_FILE}, which replaces them. */
  private PriceTable prices() {
    Optional<String> file = value("AI_PRICES_FILE");
    try (InputStream in =
        file.isPresent()
            ? Files.newInputStream(Path.of(file.get()))
            : ConfigLoader.class.getResourceAsStream(BUNDLED_PRICES)) {
      List<PriceRow> rows = PRICE_READER.readValue(in);
      return new PriceTable(
          rows.stream()
              .map(
                  row ->
                      new Price(
                          row.provider(),
                          row.model(),
                          Usd.toMicros(row.inputUsdPerMillion()),
                          Usd.toMicros(row.outputUsdPerMillion())))
              .toList());
    } catch (IOException | RuntimeException e) {
      problems.add(
          "AI_PRICES_FILE must be a JSON array of {provider, model, inputUsdPerMillion,"
              + " outputUsdPerMillion} with prices of at least 0 ("
              + file.orElse(BUNDLED_PRICES)
              + ": "
              + e.getMessage().lines().findFirst().orElse("")
              + ")");
      return PriceTable.NONE;
    }
  }

  /**
   * {@code OUTBOUND_ALLOW_PRIVATE}: comma-separated host names and CIDRs on private networks that
   * outbound calls may reach, or {@code *} for all. Development and test machines allow all by
   * default (providers there run on localhost); staging and production allow none by default.
   */
  private List<String> allowPrivate(AppEnvironment environment) {
    Optional<String> given = value("OUTBOUND_ALLOW_PRIVATE");
    if (given.isEmpty()) {
      return environment.isProductionLike() ? List.of() : List.of(ALLOW_ALL);
    }
    List<String> entries =
        Arrays.stream(given.get().split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList();
    for (String entry : entries) {
      if (!entry.equals(ALLOW_ALL) && !ALLOW_ENTRY.matcher(entry).matches()) {
        problems.add(
            "OUTBOUND_ALLOW_PRIVATE must list host names or CIDRs such as 10.0.0.0/8, or *"
                + " (was '"
                + entry
                + "')");
      }
    }
    return entries;
  }

  private Optional<AdminSettings> admin() {
    Optional<String> email = value("ADMIN_EMAIL");
    Optional<String> password = secret("ADMIN_PASSWORD");
    if (email.isPresent() != password.isPresent()) {
      problems.add("set ADMIN_EMAIL and ADMIN_PASSWORD together");
      return Optional.empty();
    }
    return email.map(address -> new AdminSettings(address, password.get()));
  }

  private int bcryptCost(AppEnvironment environment) {
    int cost = integer("BCRYPT_COST", DEFAULT_BCRYPT_COST, 4, 31);
    if (environment.isProductionLike() && cost < MIN_PRODUCTION_BCRYPT_COST) {
      problems.add(
          "BCRYPT_COST must be at least "
              + MIN_PRODUCTION_BCRYPT_COST
              + " in "
              + environment.name().toLowerCase());
    }
    return cost;
  }

  private Optional<String> value(String name) {
    String raw = env.get(name);
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
  }

  /** A value from {@code NAME} or from the file named by {@code NAME_FILE}, never both. */
  private Optional<String> secret(String name) {
    Optional<String> direct = value(name);
    Optional<String> file = value(name + "_FILE");
    if (direct.isPresent() && file.isPresent()) {
      problems.add("set either " + name + " or " + name + "_FILE, not both");
      return direct;
    }
    if (file.isEmpty()) {
      return direct;
    }
    try {
      String content = Files.readString(Path.of(file.get())).strip();
      if (content.isEmpty()) {
        problems.add(name + "_FILE points to an empty file: " + file.get());
        return Optional.empty();
      }
      return Optional.of(content);
    } catch (IOException e) {
      problems.add(name + "_FILE cannot be read: " + file.get());
      return Optional.empty();
    }
  }

  private int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = value(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(raw.get());
      if (parsed < min || parsed > max) {
        problems.add(name + " must be between " + min + " and " + max + " (was " + parsed + ")");
      }
      return parsed;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number (was '" + raw.get() + "')");
      return fallback;
    }
  }

  private boolean bool(String name, boolean fallback) {
    Optional<String> raw = value(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    if (!raw.get().equalsIgnoreCase("true") && !raw.get().equalsIgnoreCase("false")) {
      problems.add(name + " must be true or false (was '" + raw.get() + "')");
      return fallback;
    }
    return Boolean.parseBoolean(raw.get());
  }

  /** Checks the scheme and host without echoing credentials the URL may contain. */
  private void checkUrl(String name, String url, List<String> schemes) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme())) {
        problems.add(name + " must start with " + String.join(":// or ", schemes) + "://");
      } else if (uri.getHost() == null && !uri.getScheme().equals("mongodb")) {
        problems.add(name + " must name a host");
      }
    } catch (URISyntaxException e) {
      problems.add(name + " is not a valid URL");
    }
  }
}

package com.minichat.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's settings, from command-line arguments.
 *
 * @param clients the concurrency levels, measured in this order
 * @param warmUp unrecorded time before each level's measurement
 * @param measured recorded time per level
 * @param firstChunkDelay the stub's wait after its headers, before its first chunk
 * @param pace the stub's wait before each chunk
 * @param pieces how many pieces of text the stub's answer has
 * @param outputDir where the results and MiniChat's log are written
 */
record BenchOptions(
    List<Integer> clients,
    Duration warmUp,
    Duration measured,
    Duration firstChunkDelay,
    Duration pace,
    int pieces,
    Path outputDir) {

  /** What {@code --help} prints. */
  static final String USAGE =
      """
      Usage: scripts/bench [options]
        --clients 1,50          concurrency levels, measured one after the other
        --seconds 30            measured time per level
        --warmup-seconds 10     unrecorded time before each level (and once more, at the
                                highest level, before the first)
        --first-chunk-ms 20     the stub's wait after its headers, before its first chunk
        --pace-ms 5             the stub's wait before each chunk
        --pieces 5              pieces of text in the stub's answer
        --out target/bench      where ai-latency.json and MiniChat's log (minichat.log) go
        --help                  this text
      """;

  private static final Map<String, String> DEFAULTS = defaults();

  /** Reads {@code args}; options not given take their defaults. */
  static BenchOptions parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!DEFAULTS.containsKey(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      values.put(name, args[i + 1]);
    }
    return new BenchOptions(
        levels(values.get("--clients")),
        Duration.ofSeconds(number(values, "--warmup-seconds", 0)),
        Duration.ofSeconds(number(values, "--seconds", 1)),
        Duration.ofMillis(number(values, "--first-chunk-ms", 0)),
        Duration.ofMillis(number(values, "--pace-ms", 0)),
        (int) number(values, "--pieces", 1),
        Path.of(values.get("--out")));
  }

  /** The highest concurrency level. */
  int maxClients() {
    return clients.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("--clients", "1,50");
    defaults.put("--seconds", "30");
    defaults.put("--warmup-seconds", "10");
    defaults.put("--first-chunk-ms", "20");
    defaults.put("--pace-ms", "5");
    defaults.put("--pieces", "5");
    defaults.put("--out", "target/bench");
    return defaults;
  }

  private static List<Integer> levels(String list) {
    List<Integer> levels = new ArrayList<>();
    for (String level : list.split(",", -1)) {
      levels.add((int) number("--clients", level.strip(), 1));
    }
    return List.copyOf(levels);
  }

  private static long number(Map<String, String> values, String name, long min) {
    return number(name, values.get(name), min);
  }

  private static long number(String name, String value, long min) {
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'", e);
    }
    if (number < min || number > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " takes a number from " + min + " to " + Integer.MAX_VALUE + ", not " + number);
    }
    return number;
  }
}

package com.minichat.bench;

import java.util.List;

/**
 * Everything one run of the AI latency benchmark found, as written to {@code ai-latency.json}.
 *
 * @param benchmark the benchmark's name
 * @param startedAt when the run started, ISO-8601 in UTC
 * @param levels one result per concurrency level, in the order they ran
 */
record RunResult(
    String benchmark,
    String startedAt,
    Machine machine,
    Settings settings,
    List<LevelResult> levels) {

  /** Where the run ran; the stub, MiniChat and the clients share this one machine and JVM. */
  record Machine(int availableProcessors, String java, String os) {
    /** This machine. */
    static Machine current() {
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          Runtime.version().toString(),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
  }

  /**
   * How the run was set up.
   *
   * @param clients the concurrency levels
   * @param warmUpSeconds unrecorded time before each level, and once more at the highest level
   *     before the first
   * @param stubFirstChunkDelayMs the stub's wait after its headers, before the first chunk
   * @param stubPaceMs the stub's wait before each chunk
   * @param stubPieces how many pieces of text the stub's answer has
   * @param load how the clients send requests
   * @param httpClient the clients' HTTP client
   */
  record Settings(
      List<Integer> clients,
      double warmUpSeconds,
      double measuredSeconds,
      double stubFirstChunkDelayMs,
      double stubPaceMs,
      int stubPieces,
      String load,
      String httpClient) {}
}

package com.minichat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the latency MiniChat adds to AI replies over calling the provider directly: a stub
 * provider, MiniChat and the clients run in this JVM; at each concurrency level the clients call
 * the stub directly and through MiniChat's widget API, interleaved, and the median and 99th
 * percentile of both routes are compared for the whole answer (JSON) and for the first piece of
 * text (server-sent events). Prints a table and writes {@code ai-latency.json}; see {@code
 * docs/performance.md}.
 *
 * <p>The clients share one JDK {@link HttpClient} speaking HTTP/1.1: one selector thread and one
 * connection pool for all of them, which keeps the load generator's own CPU use small on a machine
 * it shares with the server, and keeps its costs the same for both routes. Each client has at most
 * one call in flight, so the pool holds about one connection per client to the stub and one to
 * MiniChat, reused from call to call as browsers and provider SDKs reuse theirs.
 *
 * <p>MiniChat logs as in production (JSON lines at {@code INFO}, one per request); the lines go to
 * {@code minichat.log} in the output directory instead of standard output, which carries the table.
 */
public final class AiLatencyBenchmark {
  private static final String QUESTION = "What time do you open on Saturdays?";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * MiniChat's production logging plus a plain-text logger for the benchmark's own progress on
   * standard error. Named explicitly because the adapters-ai test-jar (which holds the stub)
   * carries a {@code logback-test.xml}, and logback would otherwise prefer that one.
   */
  private static final String LOGGING = "logback-bench.xml";

  private AiLatencyBenchmark() {}

  /**
   * Runs the benchmark. Exits with 2 on bad arguments and with 1 when any call failed (its time is
   * then in no figure, and the table lists the failures).
   *
   * @param args options, see {@link BenchOptions#USAGE}
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    // before anything creates a logger
    System.setProperty("logback.configurationFile", LOGGING);
    Logger log = LoggerFactory.getLogger(AiLatencyBenchmark.class);
    if (Arrays.asList(args).contains("--help")) {
      log.info(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      log.error("{}\n{}", e.getMessage(), BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    Files.createDirectories(options.outputDir());
    Path logFile = options.outputDir().resolve("minichat.log");
    Path results = options.outputDir().resolve("ai-latency.json");
    // the table is the command's output on standard output; MiniChat's JSON log lines, which
    // logback's console appender writes to whatever System.out is at the time, go to the file
    PrintStream out = System.out;
    System.setOut(new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8));

    RunResult run = run(options, log);

    Report.writeJson(run, results);
    out.print(Report.tables(run));
    out.println();
    out.println("results: " + results.toAbsolutePath().normalize());
    out.println("MiniChat's log: " + logFile.toAbsolutePath().normalize());
    out.flush();
    boolean failures = run.levels().stream().anyMatch(level -> !level.errors().isEmpty());
    System.exit(failures ? 1 : 0);
  }

  /**
   * @param log the benchmark's own logger, created once the benchmark's logging configuration is
   *     chosen (a static one would be created too early)
   */
  private static RunResult run(BenchOptions options, Logger log)
      throws IOException, InterruptedException {
    String startedAt = Instant.now().toString();
    List<LevelResult> levels = new ArrayList<>();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        StubProvider stub =
            StubProvider.start(options.firstChunkDelay(), options.pace(), options.pieces());
        MiniChatUnderTest app = MiniChatUnderTest.start(stub.baseUrl(), StubProvider.MODEL, http)) {
      ClosedLoop loop =
          new ClosedLoop(
              new TimedHttp(http),
              stub.call(QUESTION, TIMEOUT),
              () -> new Visitor(app, QUESTION, stub.answer(), TIMEOUT));
      if (!options.warmUp().isZero()) {
        log.info(
            "warming up the JVM: {} for {} s",
            clientsText(options.maxClients()),
            options.warmUp().toSeconds());
        loop.run(options.maxClients(), options.warmUp(), Duration.ZERO);
      }
      for (int clients : options.clients()) {
        log.info(
            "{}: {} s warm-up, then {} s measured",
            clientsText(clients),
            options.warmUp().toSeconds(),
            options.measured().toSeconds());
        ClosedLoop.Measured measured = loop.run(clients, options.warmUp(), options.measured());
        levels.add(LevelResult.of(clients, options.measured(), measured, loop.miniChatAnswers()));
      }
    }
    return new RunResult(
        "ai-latency",
        startedAt,
        RunResult.Machine.current(),
        new RunResult.Settings(
            options.clients(),
            options.warmUp().toMillis() / 1000.0,
            options.measured().toMillis() / 1000.0,
            options.firstChunkDelay().toMillis(),
            options.pace().toMillis(),
            options.pieces(),
            "closed loop: each client sends its next call when the last one is answered",
            "JDK HttpClient, HTTP/1.1, one client shared by all clients"),
        levels);
  }

  private static String clientsText(int count) {
    return count == 1 ? "1 client" : count + " clients";
  }
}

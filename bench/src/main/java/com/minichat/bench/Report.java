package com.minichat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's results: tables for people, JSON for tools and later comparison. */
final class Report {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Report() {}

  /**
   * The results as Markdown tables, aligned to be read in a terminal too: the latencies in
   * milliseconds (samples per route), then per level the throughput, the database's size, the
   * processor use and the failed calls, each failure reason listed below.
   */
  static String tables(RunResult run) {
    RunResult.Settings settings = run.settings();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "AI reply latency in ms: stub called directly vs through MiniChat%n"
                + "stub: first chunk %.0f ms after the headers, %d pieces, %.0f ms before each"
                + " chunk%n%s; %.0f s warm-up, %.0f s measured per level; %d processors%n%n",
            settings.stubFirstChunkDelayMs(),
            settings.stubPieces(),
            settings.stubPaceMs(),
            settings.load(),
            settings.warmUpSeconds(),
            settings.measuredSeconds(),
            run.machine().availableProcessors()));
    List<List<String>> latencies = new ArrayList<>();
    latencies.add(
        List.of(
            "clients",
            "measure",
            "samples",
            "direct p50",
            "direct p99",
            "MiniChat p50",
            "MiniChat p99",
            "added p50",
            "added p99"));
    List<List<String>> levels = new ArrayList<>();
    levels.add(
        List.of(
            "clients",
            "MiniChat req/s",
            "stored messages",
            "CPU machine %",
            "CPU benchmark %",
            "failed calls"));
    List<String> failures = new ArrayList<>();
    for (LevelResult level : run.levels()) {
      for (Measure measure : Measure.values()) {
        Comparison comparison = level.of(measure);
        latencies.add(
            List.of(
                String.valueOf(level.clients()),
                measure.label(),
                String.valueOf(comparison.miniChat().count()),
                decimal(comparison.direct().p50Ms()),
                decimal(comparison.direct().p99Ms()),
                decimal(comparison.miniChat().p50Ms()),
                decimal(comparison.miniChat().p99Ms()),
                String.format(Locale.ROOT, "%+.1f", comparison.addedP50Ms()),
                String.format(Locale.ROOT, "%+.1f", comparison.addedP99Ms())));
      }
      levels.add(
          List.of(
              String.valueOf(level.clients()),
              decimal(level.miniChatRequestsPerSecond()),
              String.valueOf(level.storedMessages()),
              decimal(level.cpu().machinePercent()),
              decimal(level.cpu().benchmarkPercent()),
              String.valueOf(level.errors().values().stream().mapToLong(Long::longValue).sum())));
      for (Map.Entry<String, Long> error : level.errors().entrySet()) {
        failures.add(
            String.format(
                Locale.ROOT,
                "FAILED with %d clients: %s × %d%n",
                level.clients(),
                error.getKey(),
                error.getValue()));
      }
    }
    appendTable(text, latencies, 1);
    text.append(System.lineSeparator());
    appendTable(text, levels, -1);
    failures.forEach(text::append);
    return text.toString();
  }

  /** Writes the run as JSON to {@code file}, replacing what was there. */
  static void writeJson(RunResult run, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), run);
  }

  /**
   * Appends {@code rows} (the first is the header) as a Markdown table with padded columns: words
   * to the left, numbers to the right.
   *
   * @param wordColumn the one column of words, {@code -1} for none
   */
  private static void appendTable(StringBuilder text, List<List<String>> rows, int wordColumn) {
    int columns = rows.getFirst().size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      text.append('|');
      for (int i = 0; i < columns; i++) {
        String cell = rows.get(r).get(i);
        String space = " ".repeat(widths[i] - cell.length());
        boolean left = r == 0 || i == wordColumn;
        text.append(' ').append(left ? cell + space : space + cell).append(" |");
      }
      text.append(System.lineSeparator());
      if (r == 0) {
        text.append('|');
        for (int i = 0; i < columns; i++) {
          boolean left = i == wordColumn;
          text.append(left ? ":" : "-")
              .append("-".repeat(widths[i]))
              .append(left ? "-" : ":")
              .append('|');
        }
        text.append(System.lineSeparator());
      }
    }
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}

package com.minichat.bench;

/**
 * One measure taken straight from the stub and through MiniChat. What MiniChat adds is the
 * difference of the two percentiles (not a percentile of per-call differences, since a call to the
 * stub and a call to MiniChat are different calls).
 *
 * @param addedP50Ms MiniChat's median minus the stub's median
 * @param addedP99Ms MiniChat's 99th percentile minus the stub's 99th percentile
 */
record Comparison(Summary direct, Summary miniChat, double addedP50Ms, double addedP99Ms) {
  /** Compares the two series. */
  static Comparison of(Summary direct, Summary miniChat) {
    return new Comparison(
        direct,
        miniChat,
        Summary.round(miniChat.p50Ms() - direct.p50Ms()),
        Summary.round(miniChat.p99Ms() - direct.p99Ms()));
  }
}

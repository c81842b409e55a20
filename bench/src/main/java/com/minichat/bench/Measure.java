package com.minichat.bench;

/** What a call's latency is taken as. */
enum Measure {
  /** From sending the request to the end of the whole answer. */
  NON_STREAMING("non-streaming"),
  /** From sending the request to the first piece of the answer's text. */
  FIRST_TOKEN("first token");

  private final String label;

  Measure(String label) {
    this.label = label;
  }

  /** How the report names it. */
  String label() {
    return label;
  }
}

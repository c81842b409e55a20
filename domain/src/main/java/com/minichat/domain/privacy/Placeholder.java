package com.minichat.domain.privacy;

/** One placeholder, e.g. {@code [PHONE_2]}: a kind and a number counted per kind from 1. */
record Placeholder(PlaceholderKind kind, int number) {

  /** The canonical spelling sent to the model, e.g. {@code [THAI_ID_1]}. */
  String text() {
    return "[" + kind.name() + "_" + number + "]";
  }
}

package com.minichat.bench;

/** A call that did not get a complete, successful answer; its time is not recorded. */
final class CallFailedException extends Exception {
  CallFailedException(String reason) {
    super(reason);
  }
}

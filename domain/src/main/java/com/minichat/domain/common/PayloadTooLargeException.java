package com.minichat.domain.common;

/** What was sent is larger than MiniChat accepts, e.g. a model file above the configured limit. */
public final class PayloadTooLargeException extends DomainException {
  public PayloadTooLargeException(String message) {
    super(ErrorCode.PAYLOAD_TOO_LARGE, message);
  }
}

package com.minichat.domain.common;

/** A service MiniChat depends on (database, AI provider, mail server) failed or is unreachable. */
public final class UpstreamUnavailableException extends DomainException {
  public UpstreamUnavailableException(String message, Throwable cause) {
    super(ErrorCode.UPSTREAM_UNAVAILABLE, message, cause);
  }
}

package com.minichat.domain.common;

/**
 * Root of every failure the core reports on purpose. The set of subtypes is closed so that the HTTP
 * adapter can map each one exhaustively to a status and an error envelope.
 */
public abstract sealed class DomainException extends RuntimeException
    permits ValidationException,
        NotFoundException,
        ConflictException,
        AuthenticationException,
        ForbiddenException,
        RateLimitedException,
        PayloadTooLargeException,
        UpstreamUnavailableException {

  private final ErrorCode code;

  protected DomainException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  protected DomainException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The stable error code clients can branch on. */
  public ErrorCode code() {
    return code;
  }
}

package com.minichat.domain.common;

/** Credentials or tokens are missing, wrong or expired. */
public final class AuthenticationException extends DomainException {
  public AuthenticationException(String message) {
    super(ErrorCode.AUTHENTICATION_FAILED, message);
  }

  /** A failure with a more precise code, such as {@link ErrorCode#API_KEY_EXPIRED}. */
  public AuthenticationException(ErrorCode code, String message) {
    super(code, message);
  }
}

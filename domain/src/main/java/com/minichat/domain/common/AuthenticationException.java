package com.minichat.domain.common;

/** Credentials or tokens are missing, wrong or expired. */
public final class AuthenticationException extends DomainException {
  public AuthenticationException(String message) {
    super(ErrorCode.AUTHENTICATION_FAILED, message);
  }
}

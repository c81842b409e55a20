package com.minichat.domain.common;

/** The caller is known but not allowed to do this. */
public final class ForbiddenException extends DomainException {
  public ForbiddenException(String message) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

package com.minichat.domain.common;

/** The caller is known but not allowed to do this. */
public final class ForbiddenException extends DomainException {
  public ForbiddenException(String message) {
    super(ErrorCode.FORBIDDEN, message);
  }

  /** Refused for a more specific reason, e.g. {@link ErrorCode#PLAN_LIMIT_REACHED}. */
  public ForbiddenException(ErrorCode code, String message) {
    super(code, message);
  }
}

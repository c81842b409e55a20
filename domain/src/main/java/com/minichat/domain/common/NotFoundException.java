package com.minichat.domain.common;

/** The requested resource does not exist (or is not visible to the caller). */
public final class NotFoundException extends DomainException {
  public NotFoundException(String message) {
    super(ErrorCode.NOT_FOUND, message);
  }
}

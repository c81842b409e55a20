package com.minichat.domain.common;

/** The request conflicts with the current state, e.g. a duplicate unique value. */
public final class ConflictException extends DomainException {
  public ConflictException(String message) {
    super(ErrorCode.CONFLICT, message);
  }
}

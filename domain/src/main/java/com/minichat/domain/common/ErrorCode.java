package com.minichat.domain.common;

/** Stable, machine-readable error codes shared by every adapter (one place for all of them). */
public enum ErrorCode {
  VALIDATION_ERROR,
  NOT_FOUND,
  CONFLICT,
  AUTHENTICATION_FAILED,
  FORBIDDEN,
  RATE_LIMITED,
  UPSTREAM_UNAVAILABLE
}

package com.minichat.domain.common;

/** Stable, machine-readable error codes shared by every adapter (one place for all of them). */
public enum ErrorCode {
  VALIDATION_ERROR,
  NOT_FOUND,
  CONFLICT,
  AUTHENTICATION_FAILED,
  FORBIDDEN,
  RATE_LIMITED,
  UPSTREAM_UNAVAILABLE,
  API_KEY_EXPIRED,
  PLAN_LIMIT_REACHED,
  /** A message can no longer be changed: its edit window has passed. */
  EDIT_WINDOW_CLOSED,
  /** A body above a limit: the web framework's for JSON, the configured one for model files. */
  PAYLOAD_TOO_LARGE,
  // Protocol-level failures reported by the HTTP adapter; listed here so every code lives in one
  // place.
  METHOD_NOT_ALLOWED,
  UNSUPPORTED_MEDIA_TYPE,
  INTERNAL_ERROR
}

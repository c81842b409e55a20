package com.minichat.adapters.http.support;

import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.DomainException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.PayloadTooLargeException;
import com.minichat.domain.common.RateLimitedException;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.common.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single place where failures become HTTP responses: every error gets the envelope (or the
 * shape its path's clients expect), a stable code, the request id and a log line; unexpected
 * exceptions never reveal their details.
 */
public final class ErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  private final Envelope envelope;
  private final Map<String, FailureWriter> otherShapes;

  /**
   * @param otherShapes how failures look under paths whose clients do not read the envelope, by
   *     path prefix (the OpenAI-compatible surface speaks OpenAI's errors)
   */
  public ErrorHandler(Envelope envelope, Map<String, FailureWriter> otherShapes) {
    this.envelope = envelope;
    this.otherShapes = Map.copyOf(otherShapes);
  }

  /** Maps a domain failure; the switch is exhaustive over the sealed hierarchy. */
  public void domain(DomainException failure, Context ctx) {
    int status =
        switch (failure) {
          case ValidationException e -> 400;
          case AuthenticationException e -> 401;
          case ForbiddenException e -> 403;
          case NotFoundException e -> 404;
          case ConflictException e -> 409;
          case RateLimitedException e -> {
            String seconds = Long.toString(Math.max(1, e.retryAfter().toSeconds()));
            ctx.header("Retry-After", seconds);
            ctx.header("RateLimit-Limit", Integer.toString(e.limit()));
            ctx.header("RateLimit-Remaining", "0");
            ctx.header("RateLimit-Reset", seconds);
            yield 429;
          }
          case PayloadTooLargeException e -> 413;
          case UpstreamUnavailableException e -> 503;
        };
    List<Envelope.Detail> details =
        failure instanceof ValidationException validation
            ? validation.violations().stream()
                .map(v -> new Envelope.Detail(v.field(), v.issue()))
                .toList()
            : List.of();
    if (status >= 500) {
      LOG.error(
          "request failed status={} code={} path={}", status, failure.code(), ctx.path(), failure);
    } else {
      LOG.info(
          "request refused status={} code={} path={} reason={}",
          status,
          failure.code(),
          ctx.path(),
          failure.getMessage());
    }
    write(ctx, status, failure.code(), failure.getMessage(), details);
  }

  /** Maps protocol failures raised by the web framework (unknown route, wrong method, size). */
  public void protocol(HttpResponseException failure, Context ctx) {
    int status = failure.getStatus();
    ErrorCode code =
        switch (status) {
          case 404 -> ErrorCode.NOT_FOUND;
          case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
          case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
          case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
          case 401 -> ErrorCode.AUTHENTICATION_FAILED;
          case 403 -> ErrorCode.FORBIDDEN;
          default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_ERROR;
        };
    String message =
        status == 404
            ? "No such resource: " + ctx.method() + " " + ctx.path()
            : failure.getMessage();
    LOG.info("request refused status={} code={} path={}", status, code, ctx.path());
    write(ctx, status, code, message, List.of());
  }

  /** Anything else is a bug: logged with its stack trace, answered without details. */
  public void unexpected(Exception failure, Context ctx) {
    LOG.error("unexpected failure path={}", ctx.path(), failure);
    write(
        ctx,
        HttpStatus.INTERNAL_SERVER_ERROR.getCode(),
        ErrorCode.INTERNAL_ERROR,
        "Something went wrong on our side; quote the request id if you contact support",
        List.of());
  }

  private void write(
      Context ctx, int status, ErrorCode code, String message, List<Envelope.Detail> details) {
    for (Map.Entry<String, FailureWriter> shape : otherShapes.entrySet()) {
      if (ctx.path().startsWith(shape.getKey())) {
        shape.getValue().write(ctx, status, code, message, details);
        return;
      }
    }
    envelope.error(ctx, status, code.name(), message, details);
  }
}

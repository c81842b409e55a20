package com.minichat.adapters.http.openai;

import com.minichat.adapters.http.support.Envelope;
import com.minichat.domain.common.ErrorCode;
import io.javalin.http.Context;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Failures as OpenAI reports them, so that its SDKs raise their usual errors: {@code {"error":
 * {"message", "type", "param", "code"}}} with the usual HTTP status. {@code code} is MiniChat's
 * stable error code, {@code type} OpenAI's kind of error and {@code param} the first field a
 * validation failure names.
 */
public final class OpenAiErrors {
  private OpenAiErrors() {}

  /** The body of a failure. */
  public record Failure(Error error) {}

  /** What went wrong. */
  public record Error(String message, String type, String param, String code) {}

  /**
   * Writes a failure response; matches {@link com.minichat.adapters.http.support.FailureWriter}.
   */
  public static void write(
      Context ctx, int status, ErrorCode code, String message, List<Envelope.Detail> details) {
    ctx.status(status).json(failure(code, message, details));
  }

  /**
   * The failure body for {@code code}. OpenAI's errors have no list of broken rules, so the message
   * names every one and {@code param} the first.
   */
  static Failure failure(ErrorCode code, String message, List<Envelope.Detail> details) {
    String text =
        details.isEmpty()
            ? message
            : details.stream()
                .map(detail -> detail.field() + ": " + detail.issue())
                .collect(Collectors.joining("; "));
    String param = details.isEmpty() ? null : details.getFirst().field();
    return new Failure(new Error(text, type(code), param, code.name()));
  }

  /** OpenAI's kind of error for {@code code}. */
  private static String type(ErrorCode code) {
    return switch (code) {
      case VALIDATION_ERROR,
          NOT_FOUND,
          CONFLICT,
          METHOD_NOT_ALLOWED,
          PAYLOAD_TOO_LARGE,
          UNSUPPORTED_MEDIA_TYPE ->
          "invalid_request_error";
      case AUTHENTICATION_FAILED, API_KEY_EXPIRED -> "authentication_error";
      case FORBIDDEN, EDIT_WINDOW_CLOSED -> "permission_error";
      case PLAN_LIMIT_REACHED -> "insufficient_quota";
      case RATE_LIMITED -> "requests";
      case UPSTREAM_UNAVAILABLE, INTERNAL_ERROR -> "server_error";
    };
  }
}

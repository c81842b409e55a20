package com.minichat.adapters.http.support;

import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.ValidationException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;

/** Reads the common parts of requests: bearer tokens, pagination parameters and choices. */
public final class Requests {
  private static final String BEARER = "Bearer ";

  private Requests() {}

  /** The bearer token of the {@code Authorization} header; refuses requests without one. */
  public static String bearerToken(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new AuthenticationException("Send Authorization: Bearer <token>");
    }
    String token = header.substring(BEARER.length()).strip();
    if (token.isEmpty()) {
      throw new AuthenticationException("Send Authorization: Bearer <token>");
    }
    return token;
  }

  /** The {@code cursor} and {@code limit} query parameters (limit defaults to 50). */
  public static PageRequest page(Context ctx) {
    return new PageRequest(
        blankToNull(ctx.queryParam("cursor")), intQuery(ctx, "limit", PageRequest.DEFAULT_LIMIT));
  }

  /** A whole-number query parameter, or {@code fallback} when absent. */
  public static int intQuery(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(name, "must be a whole number");
    }
  }

  /** A required query parameter. */
  public static String requiredQuery(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new ValidationException(name, "is required");
    }
    return value;
  }

  /**
   * The constant of {@code type} named by {@code value} in any case ({@code "seen"} for {@code
   * SEEN}); {@code null} stays {@code null}.
   *
   * @throws ValidationException naming {@code field} and the allowed values
   */
  public static <E extends Enum<E>> E choice(String value, Class<E> type, String field) {
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    throw new ValidationException(
        field,
        "must be one of "
            + String.join(
                ", ",
                Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                    .toList()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

package com.minichat.adapters.http.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.minichat.domain.common.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads request bodies into request records, turning every JSON problem into a validation error
 * that names the field and the rule.
 */
public final class JsonBody {
  private final ObjectMapper mapper;

  public JsonBody(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The body as {@code type}; an empty body is refused. */
  public <T> T read(Context ctx, Class<T> type) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw new ValidationException("body", "a JSON object is required");
    }
    return parse(ctx, body, type);
  }

  /** The body as {@code type}, or {@code fallback} when the body is empty. */
  public <T> T readOptional(Context ctx, Class<T> type, T fallback) {
    String body = ctx.body();
    return body.isBlank() ? fallback : parse(ctx, body, type);
  }

  private <T> T parse(Context ctx, String body, Class<T> type) {
    String contentType = ctx.contentType();
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new HttpResponseException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), "Send the body as application/json");
    }
    try {
      T value = mapper.readValue(body, type);
      if (value == null) {
        throw new ValidationException("body", "a JSON object is required");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ValidationException(path(e), "is not a known field");
    } catch (MismatchedInputException e) {
      throw new ValidationException(path(e), "must be " + describe(e.getTargetType()));
    } catch (JsonMappingException e) {
      // Constructors of request records may reject values; report them like other rule breaks.
      if (e.getCause() instanceof ValidationException validation) {
        throw validation;
      }
      throw new ValidationException(path(e), "is not valid");
    } catch (JsonProcessingException e) {
      throw new ValidationException("body", "is not valid JSON");
    }
  }

  private static String path(JsonMappingException e) {
    List<JsonMappingException.Reference> refs = e.getPath();
    if (refs.isEmpty()) {
      return "body";
    }
    return refs.stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }
}

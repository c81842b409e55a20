package com.minichat.adapters.http.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small HTTP client for tests that checks every response it receives against {@code
 * openapi.yaml}: status, headers and body must be what the contract documents. Responses to paths
 * the contract does not know (unknown routes) must still be a valid failure envelope, or an OpenAI
 * error under the OpenAI-compatible surface.
 */
public final class ApiClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(loadSpec())
          .withResolveCombinators(true)
          .build();

  /** Where the OpenAI-compatible surface lives: its answers are OpenAI's, not the envelope. */
  private static final String OPENAI = "/api/v1/openai/";

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A client for the server at {@code base}, e.g. {@code http://localhost:8080}. */
  public ApiClient(URI base) {
    this.base = base;
  }

  /** GET with optional header name/value pairs. */
  public ApiResponse get(String path, String... headers) {
    return send("GET", path, null, "application/json", headers);
  }

  /** POST a JSON body with optional header name/value pairs. */
  public ApiResponse post(String path, String json, String... headers) {
    return send("POST", path, json, "application/json", headers);
  }

  /** PATCH a JSON body with optional header name/value pairs. */
  public ApiResponse patch(String path, String json, String... headers) {
    return send("PATCH", path, json, "application/json", headers);
  }

  /** Any request; {@code body} may be null. */
  public ApiResponse send(
      String method, String path, String body, String contentType, String... headers) {
    return sendBody(
        method,
        path,
        body == null ? null : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
        contentType,
        headers);
  }

  /**
   * Any request with a body of bytes, such as a file streamed from disk ({@code
   * BodyPublishers.ofFile}); {@code body} may be null.
   */
  public ApiResponse sendBody(
      String method,
      String path,
      HttpRequest.BodyPublisher body,
      String contentType,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      ApiResponse result =
          new ApiResponse(
              response.statusCode(), response.headers(), response.body(), parse(response));
      validate(method, URI.create(path).getPath(), result);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/json")) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("response is declared JSON but is not: " + response.body(), e);
    }
  }

  private static void validate(String method, String path, ApiResponse response) {
    SimpleResponse.Builder contract =
        SimpleResponse.Builder.status(response.status()).withBody(response.body());
    Map<String, List<String>> headers = new LinkedHashMap<>(response.headers().map());
    headers.forEach(contract::withHeader);
    ValidationReport report =
        VALIDATOR.validateResponse(
            path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), contract.build());
    boolean unknownPath =
        report.getMessages().stream().anyMatch(m -> m.getKey().endsWith("path.missing"));
    boolean openAi = path.startsWith(OPENAI);
    if (unknownPath) {
      // Pages outside the API (dashboard, demo, docs) are not part of the contract.
      if (openAi) {
        assertIsOpenAiFailure(response);
      } else if (path.startsWith("/api/")) {
        assertIsFailureEnvelope(response);
      }
    } else if (report.hasErrors()) {
      fail(
          "response to "
              + method
              + " "
              + path
              + " breaks openapi.yaml: "
              + report.getMessages()
              + "\n"
              + response.body());
    }
    assertTrue(response.header("X-Request-Id") != null, "X-Request-Id header missing");
    if (path.startsWith("/api/") && !openAi && !response.json().isMissingNode()) {
      assertEquals(
          response.header("X-Request-Id"),
          response.json().path("metadata").path("requestId").asText(),
          "envelope and header carry the same request id");
    }
  }

  private static void assertIsFailureEnvelope(ApiResponse response) {
    assertTrue(response.status() >= 400, "unknown path answered " + response.status());
    assertFalse(response.json().path("success").asBoolean(true), response.body());
    assertFalse(response.errorCode() == null, "error.code missing: " + response.body());
    assertFalse(
        response.json().path("metadata").path("requestId").asText().isEmpty(), response.body());
  }

  /** Unknown paths under the OpenAI-compatible surface fail in OpenAI's format. */
  private static void assertIsOpenAiFailure(ApiResponse response) {
    assertTrue(response.status() >= 400, "unknown path answered " + response.status());
    assertFalse(response.json().has("success"), response.body());
    assertFalse(response.errorCode() == null, "error.code missing: " + response.body());
    assertFalse(response.json().at("/error/type").asText().isEmpty(), response.body());
  }

  private static String loadSpec() {
    try (InputStream in = ApiClient.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

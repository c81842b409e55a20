package com.minichat.adapters.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/**
 * A response received by {@link ApiClient}, already checked against the OpenAPI document.
 *
 * @param json the parsed body, or a missing node when the body is not JSON
 */
public record ApiResponse(int status, HttpHeaders headers, String body, JsonNode json) {

  /** The value of a header, or {@code null}. */
  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** {@code data} of a success envelope. */
  public JsonNode data() {
    return json.path("data");
  }

  /** {@code error.code} of a failure envelope. */
  public String errorCode() {
    return json.path("error").path("code").asText(null);
  }
}

package com.minichat.adapters.http.support;

import com.minichat.domain.common.ErrorCode;
import io.javalin.http.Context;
import java.util.List;

/** Writes a failure in the shape a group of clients expects; the envelope is the usual one. */
@FunctionalInterface
public interface FailureWriter {
  /**
   * Writes the failure response.
   *
   * @param details the broken rules of a validation failure; empty otherwise
   */
  void write(
      Context ctx, int status, ErrorCode code, String message, List<Envelope.Detail> details);
}

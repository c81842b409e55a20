package com.minichat.adapters.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A provider's wire format whose next answer a test can rewrite: drop its end marker, or put an
 * error in the middle, the ways a real provider's stream goes wrong without a broken connection.
 */
public final class ScriptedDialect implements ProviderStub.Dialect {
  private final ProviderStub.Dialect dialect;
  private UnaryOperator<List<String>> next;

  /**
   * @param dialect the provider's normal format
   */
  public ScriptedDialect(ProviderStub.Dialect dialect) {
    this.dialect = dialect;
  }

  /** Passes the next answer's chunks through {@code rewrite}; later answers are normal again. */
  public synchronized ScriptedDialect rewriteNext(UnaryOperator<List<String>> rewrite) {
    this.next = rewrite;
    return this;
  }

  @Override
  public String path() {
    return dialect.path();
  }

  @Override
  public String contentType() {
    return dialect.contentType();
  }

  @Override
  public synchronized List<String> chunks(
      JsonNode request, List<String> pieces, long inputTokens, long outputTokens) {
    List<String> chunks = dialect.chunks(request, pieces, inputTokens, outputTokens);
    if (next == null) {
      return chunks;
    }
    UnaryOperator<List<String>> rewrite = next;
    next = null;
    return rewrite.apply(chunks);
  }

  @Override
  public String error(int status) {
    return dialect.error(status);
  }
}

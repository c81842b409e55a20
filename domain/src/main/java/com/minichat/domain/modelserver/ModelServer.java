package com.minichat.domain.modelserver;

import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/**
 * A self-hosted model server a workspace registered by name: an Ollama server or an
 * OpenAI-compatible one (vLLM, llama.cpp, LM Studio…). Its models can be listed, Ollama servers
 * accept uploaded weights, and chain entries may name it instead of repeating its address and key.
 * The key (for a proxy in front of the server) is kept only encrypted.
 *
 * @param type {@link ProviderType#OLLAMA} or {@link ProviderType#OPENAI_COMPATIBLE}
 * @param baseUrl the server's address; for OpenAI-compatible servers it includes {@code /v1}
 * @param encryptedApiKey the key encrypted at rest; {@code null} when the server needs none
 * @param apiKeyHint the masked key for display; {@code null} when there is no key
 */
public record ModelServer(
    ModelServerId id,
    WorkspaceId workspaceId,
    String name,
    ProviderType type,
    String baseUrl,
    String encryptedApiKey,
    String apiKeyHint,
    Instant createdAt) {

  public ModelServer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!type.needsBaseUrl()) {
      throw new IllegalArgumentException("not a self-hosted server type: " + type);
    }
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}

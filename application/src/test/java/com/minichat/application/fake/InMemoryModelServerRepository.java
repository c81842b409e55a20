package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;

import com.minichat.application.port.out.modelserver.ModelServerRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link ModelServerRepository} with the semantics of the real adapters:
 * unique ids, every field kept, instants at millisecond precision, oldest first.
 */
public final class InMemoryModelServerRepository implements ModelServerRepository {
  private static final Comparator<ModelServer> OLDEST_FIRST =
      Comparator.comparing(ModelServer::createdAt).thenComparing(server -> server.id().value());

  private final Map<ModelServerId, ModelServer> servers = new LinkedHashMap<>();

  @Override
  public synchronized void insert(ModelServer server) {
    if (servers.containsKey(server.id())) {
      throw new ConflictException("A model server with this id already exists");
    }
    servers.put(
        server.id(),
        new ModelServer(
            server.id(),
            server.workspaceId(),
            server.name(),
            server.type(),
            server.baseUrl(),
            server.encryptedApiKey(),
            server.apiKeyHint(),
            millis(server.createdAt())));
  }

  @Override
  public synchronized void delete(ModelServerId id) {
    servers.remove(id);
  }

  @Override
  public synchronized Optional<ModelServer> findById(ModelServerId id) {
    return Optional.ofNullable(servers.get(id));
  }

  @Override
  public synchronized List<ModelServer> findByWorkspace(WorkspaceId workspaceId) {
    return servers.values().stream()
        .filter(server -> server.workspaceId().equals(workspaceId))
        .sorted(OLDEST_FIRST)
        .toList();
  }
}

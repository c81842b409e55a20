package com.minichat.application.port.out.modelserver;

import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** Stores the model servers workspaces registered; keys arrive already encrypted. */
public interface ModelServerRepository {
  /** Stores a new server; a duplicate id is a {@code ConflictException}. */
  void insert(ModelServer server);

  /** Removes the server; nothing happens when there is none. */
  void delete(ModelServerId id);

  Optional<ModelServer> findById(ModelServerId id);

  /** The workspace's servers, oldest first (creation time, then id). */
  List<ModelServer> findByWorkspace(WorkspaceId workspaceId);
}

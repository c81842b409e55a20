package com.minichat.domain.workspace;

import com.minichat.domain.common.Identifiers;

/** Identifier of a {@code Workspace}. */
public record WorkspaceId(String value) {
  public WorkspaceId {
    Identifiers.require(value, "WorkspaceId");
  }

  /** A new random identifier. */
  public static WorkspaceId generate() {
    return new WorkspaceId(Identifiers.random(12));
  }
}

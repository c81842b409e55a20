package com.minichat.application.port.in.provider;

import com.minichat.domain.access.Actor;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/** The ordered chain of AI providers of a workspace; the next one answers when one fails. */
public interface ProviderChainUseCase {
  /** The chain with masked keys (members and read keys may see it). */
  List<ProviderConfig> chain(Actor actor, WorkspaceId workspaceId);

  /**
   * Replaces the chain (owners, admins, admin keys); API keys are encrypted before storage.
   *
   * @throws com.minichat.domain.common.ValidationException listing every broken rule by position
   */
  List<ProviderConfig> replace(Actor actor, WorkspaceId workspaceId, List<ProviderSetting> chain);
}

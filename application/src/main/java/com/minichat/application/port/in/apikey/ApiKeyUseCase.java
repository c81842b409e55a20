package com.minichat.application.port.in.apikey;

import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/** Managing a workspace's API keys (owners and admins). */
public interface ApiKeyUseCase {
  /**
   * Creates a key.
   *
   * @param expiresInDays 1–365; {@code null} for the default 90 days
   */
  CreatedApiKey create(
      UserId actor, WorkspaceId workspaceId, String name, ApiScope scope, Integer expiresInDays);

  /** The workspace's keys, newest first (never their secrets). */
  List<ApiKey> list(UserId actor, WorkspaceId workspaceId);

  /** A successor with the same name and scope; the old key keeps working for 24 hours. */
  CreatedApiKey rotate(UserId actor, WorkspaceId workspaceId, ApiKeyId keyId);

  /** Stops a key at once. */
  void revoke(UserId actor, WorkspaceId workspaceId, ApiKeyId keyId);
}

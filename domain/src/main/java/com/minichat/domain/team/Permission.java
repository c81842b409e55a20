package com.minichat.domain.team;

import com.minichat.domain.apikey.ApiScope;

/**
 * Things a workspace member may be allowed to do, each with the API-key scope that allows the same
 * through the server API.
 */
public enum Permission {
  /** See the workspace, its settings and its conversations. */
  READ_WORKSPACE(ApiScope.READ),
  /** Answer visitors, take over and annotate conversations. */
  CHAT(ApiScope.WRITE),
  /** Change settings, widget, providers and knowledge. */
  MANAGE_SETTINGS(ApiScope.ADMIN),
  /** Invite, remove and change the role of members (not the owner). */
  MANAGE_MEMBERS(null),
  /** Create, rotate and revoke API keys. */
  MANAGE_API_KEYS(null),
  /** Create and change webhooks and integrations. */
  MANAGE_WEBHOOKS(ApiScope.ADMIN),
  /** Plans, limits and billing. */
  MANAGE_BILLING(null),
  /** Delete or restore the workspace. */
  DELETE_WORKSPACE(null),
  /** Hand the workspace to another member. */
  TRANSFER_OWNERSHIP(null);

  private final ApiScope keyScope;

  Permission(ApiScope keyScope) {
    this.keyScope = keyScope;
  }

  /**
   * The API-key scope that allows this, or {@code null} when only people may do it (keys never
   * manage members, keys, billing or the workspace's existence).
   */
  public ApiScope keyScope() {
    return keyScope;
  }
}

package com.minichat.domain.team;

import java.util.EnumSet;
import java.util.Set;

/**
 * Roles in a workspace and what each may do: the single permission table of the product (see {@code
 * docs/tenancy.md}). Members chat and read; admins also manage settings, keys, webhooks and
 * members; the owner also billing, deletion and ownership transfer.
 */
public enum Role {
  OWNER(EnumSet.allOf(Permission.class)),
  ADMIN(
      EnumSet.of(
          Permission.READ_WORKSPACE,
          Permission.CHAT,
          Permission.MANAGE_SETTINGS,
          Permission.MANAGE_MEMBERS,
          Permission.MANAGE_API_KEYS,
          Permission.MANAGE_WEBHOOKS)),
  MEMBER(EnumSet.of(Permission.READ_WORKSPACE, Permission.CHAT));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  /** Whether this role may do {@code permission}. */
  public boolean allows(Permission permission) {
    return permissions.contains(permission);
  }

  /** The permissions of this role. */
  public Set<Permission> permissions() {
    return permissions;
  }
}

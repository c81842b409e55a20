package com.minichat.domain.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.apikey.ApiScope;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The permission table: members chat and read, admins manage, the owner may do everything. */
class RoleTest {

  @Test
  void membersReadAndChatOnly() {
    assertEquals(EnumSet.of(Permission.READ_WORKSPACE, Permission.CHAT), Role.MEMBER.permissions());
  }

  @Test
  void adminsManageButNeitherBillNorDeleteNorTransfer() {
    assertTrue(Role.ADMIN.allows(Permission.MANAGE_SETTINGS));
    assertTrue(Role.ADMIN.allows(Permission.MANAGE_MEMBERS));
    assertTrue(Role.ADMIN.allows(Permission.MANAGE_API_KEYS));
    assertTrue(Role.ADMIN.allows(Permission.MANAGE_WEBHOOKS));
    assertFalse(Role.ADMIN.allows(Permission.MANAGE_BILLING));
    assertFalse(Role.ADMIN.allows(Permission.DELETE_WORKSPACE));
    assertFalse(Role.ADMIN.allows(Permission.TRANSFER_OWNERSHIP));
  }

  @Test
  void theOwnerMayDoEverything() {
    assertEquals(EnumSet.allOf(Permission.class), Role.OWNER.permissions());
  }

  @Test
  void keyScopesIncludeTheNarrowerOnes() {
    assertTrue(ApiScope.ADMIN.covers(ApiScope.READ));
    assertTrue(ApiScope.WRITE.covers(ApiScope.READ));
    assertFalse(ApiScope.READ.covers(ApiScope.WRITE));
    assertFalse(ApiScope.WRITE.covers(ApiScope.ADMIN));
  }

  @Test
  void keysNeverManagePeopleKeysBillingOrTheWorkspacesExistence() {
    for (Permission permission :
        EnumSet.of(
            Permission.MANAGE_MEMBERS,
            Permission.MANAGE_API_KEYS,
            Permission.MANAGE_BILLING,
            Permission.DELETE_WORKSPACE,
            Permission.TRANSFER_OWNERSHIP)) {
      assertEquals(null, permission.keyScope(), permission.name());
    }
    assertEquals(ApiScope.READ, Permission.READ_WORKSPACE.keyScope());
    assertEquals(ApiScope.WRITE, Permission.CHAT.keyScope());
    assertEquals(ApiScope.ADMIN, Permission.MANAGE_SETTINGS.keyScope());
  }
}

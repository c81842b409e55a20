package com.minichat.application.service.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.service.support.FakeSecretCipher;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PIN of a private widget: digits only, stored encrypted, set by those who manage settings. */
class WidgetPinServiceTest {
  private final TenancyFixture fx = new TenancyFixture();
  private final FakeSecretCipher cipher = new FakeSecretCipher();
  private WidgetPinService service;
  private User owner;
  private Workspace workspace;

  @BeforeEach
  void setUp() {
    service = new WidgetPinService(fx.workspaces, fx.access, cipher, fx.clock);
    owner = fx.user("Owner");
    workspace = fx.workspace(owner, "Private");
  }

  @Test
  void thePinIsStoredOnlyEncryptedAndBoundToTheWorkspace() {
    Workspace locked = service.setPin(new UserActor(owner.id()), workspace.id(), "4321");

    assertTrue(locked.hasPin());
    assertFalse(locked.encryptedPin().contains("4321"));
    assertEquals(
        "4321",
        cipher.decrypt(locked.encryptedPin(), WidgetPinService.associatedData(workspace.id())));
    assertEquals(locked, fx.workspaces.findById(workspace.id()).orElseThrow());
  }

  @Test
  void onlyFourToTwelveDigitsAreAccepted() {
    UserActor actor = new UserActor(owner.id());
    for (String bad : new String[] {null, "123", "1234567890123", "12a4", " 1234"}) {
      assertThrows(ValidationException.class, () -> service.setPin(actor, workspace.id(), bad));
    }
    assertFalse(fx.workspaces.findById(workspace.id()).orElseThrow().hasPin());
  }

  @Test
  void removingThePinMakesTheWidgetPublic() {
    UserActor actor = new UserActor(owner.id());
    service.setPin(actor, workspace.id(), "123456");

    assertFalse(service.removePin(actor, workspace.id()).hasPin());
  }

  @Test
  void membersAndReadKeysCannotChangeIt() {
    User member = fx.user("Member");
    fx.join(workspace, member, Role.MEMBER);

    assertThrows(
        ForbiddenException.class,
        () -> service.setPin(new UserActor(member.id()), workspace.id(), "1234"));
    assertThrows(
        ForbiddenException.class,
        () ->
            service.setPin(
                fx.keyActor(owner, workspace.id(), ApiScope.READ), workspace.id(), "1234"));
    assertTrue(
        service
            .setPin(fx.keyActor(owner, workspace.id(), ApiScope.ADMIN), workspace.id(), "1234")
            .hasPin());
  }
}

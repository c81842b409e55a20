package com.minichat.application.fake;

import com.minichat.application.port.out.team.InvitationRepository;
import com.minichat.application.port.out.team.InvitationRepositoryContractTest;

class InMemoryInvitationRepositoryTest extends InvitationRepositoryContractTest {
  @Override
  protected InvitationRepository newRepository() {
    return new InMemoryInvitationRepository();
  }
}

package com.minichat.application.fake;

import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.team.MembershipRepositoryContractTest;

class InMemoryMembershipRepositoryTest extends MembershipRepositoryContractTest {
  @Override
  protected MembershipRepository newRepository() {
    return new InMemoryMembershipRepository();
  }
}

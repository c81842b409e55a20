package com.minichat.application.fake;

import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.user.UserRepositoryContractTest;

class InMemoryUserRepositoryTest extends UserRepositoryContractTest {
  @Override
  protected UserRepository newRepository() {
    return new InMemoryUserRepository();
  }
}

package com.minichat.application.fake;

import com.minichat.application.port.out.user.OneTimeTokenRepository;
import com.minichat.application.port.out.user.OneTimeTokenRepositoryContractTest;

class InMemoryOneTimeTokenRepositoryTest extends OneTimeTokenRepositoryContractTest {
  @Override
  protected OneTimeTokenRepository newRepository() {
    return new InMemoryOneTimeTokenRepository();
  }
}

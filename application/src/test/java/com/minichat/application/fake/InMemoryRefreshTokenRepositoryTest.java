package com.minichat.application.fake;

import com.minichat.application.port.out.session.RefreshTokenRepository;
import com.minichat.application.port.out.session.RefreshTokenRepositoryContractTest;

class InMemoryRefreshTokenRepositoryTest extends RefreshTokenRepositoryContractTest {
  @Override
  protected RefreshTokenRepository newRepository() {
    return new InMemoryRefreshTokenRepository();
  }
}

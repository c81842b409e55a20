package com.minichat.application.fake;

import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepositoryContractTest;

class InMemoryWorkspaceRepositoryTest extends WorkspaceRepositoryContractTest {
  @Override
  protected WorkspaceRepository newRepository() {
    return new InMemoryWorkspaceRepository();
  }
}

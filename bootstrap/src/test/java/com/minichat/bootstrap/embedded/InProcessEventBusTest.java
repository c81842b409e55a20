package com.minichat.bootstrap.embedded;

import com.minichat.application.port.out.event.EventBus;
import com.minichat.application.port.out.event.EventBusContractTest;

class InProcessEventBusTest extends EventBusContractTest {
  @Override
  protected EventBus newEventBus() {
    return new InProcessEventBus();
  }
}

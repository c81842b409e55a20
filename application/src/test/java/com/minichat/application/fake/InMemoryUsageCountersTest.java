package com.minichat.application.fake;

import com.minichat.application.port.out.usage.UsageCounters;
import com.minichat.application.port.out.usage.UsageCountersContractTest;

class InMemoryUsageCountersTest extends UsageCountersContractTest {
  @Override
  protected UsageCounters newCounters() {
    return new InMemoryUsageCounters();
  }
}

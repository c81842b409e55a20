package com.minichat.bootstrap;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes started resources in reverse order of start, logging (not hiding) close failures. */
public final class Lifecycle implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  /** Registers {@code resource} to be closed on shutdown and returns it. */
  public synchronized <T extends AutoCloseable> T register(T resource) {
    resources.push(resource);
    return resource;
  }

  @Override
  public synchronized void close() {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.error("failed to close resource={}", resource.getClass().getSimpleName(), e);
      }
    }
  }
}

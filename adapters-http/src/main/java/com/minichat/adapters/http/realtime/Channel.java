package com.minichat.adapters.http.realtime;

import io.javalin.websocket.WsContext;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open socket's outbox: events are queued without blocking whoever publishes them and sent in
 * order by the socket's own virtual thread, which also reads the current state for each (that may
 * touch the database). A client too slow to keep up is disconnected rather than slowing others.
 *
 * @param <E> what is queued
 */
final class Channel<E> {
  /** Events one socket may have waiting before it counts as too slow. */
  static final int CAPACITY = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(Channel.class);

  private final WsContext socket;
  private final BlockingQueue<E> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread sender;
  private volatile boolean open = true;

  /**
   * @param render turns an event into the text frame to send, or {@code null} to send nothing
   */
  Channel(WsContext socket, Function<E, String> render) {
    this.socket = socket;
    this.sender =
        Thread.ofVirtual()
            .name("ws-" + socket.sessionId())
            .start(
                () -> {
                  while (open) {
                    try {
                      E next = queue.poll(1, TimeUnit.SECONDS);
                      if (next != null) {
                        send(render.apply(next));
                      }
                    } catch (InterruptedException e) {
                      return;
                    } catch (RuntimeException e) {
                      LOG.warn("realtime delivery failed session={}", socket.sessionId(), e);
                    }
                  }
                });
  }

  /** Queues {@code event}; a full queue closes the socket (the client reconnects and reloads). */
  void offer(E event) {
    if (open && !queue.offer(event)) {
      LOG.warn("realtime client too slow, disconnecting session={}", socket.sessionId());
      socket.closeSession(4008, "too slow; reconnect and reload");
      close();
    }
  }

  /** Sends a frame now, from whichever thread. */
  void send(String frame) {
    if (frame == null || !open) {
      return;
    }
    synchronized (this) {
      try {
        socket.send(frame);
      } catch (RuntimeException e) {
        LOG.debug("realtime send failed session={}: {}", socket.sessionId(), e.toString());
      }
    }
  }

  /** Stops the sender; queued events are dropped. */
  void close() {
    open = false;
    sender.interrupt();
  }
}

package com.minichat.adapters.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to a Redis server whose open connections can be frozen: they stay open but carry
 * nothing more, like a connection whose peer vanished without closing it (half-open).
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final List<Pipe> pipes = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** Starts a proxy on a free local port towards {@code targetHost:targetPort}. */
  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(this::accept);
  }

  /** The {@code redis://} URL of the proxy. */
  public String url() {
    return "redis://127.0.0.1:" + server.getLocalPort();
  }

  /** Makes every connection open now silent; later connections work normally. */
  public void freezeOpenConnections() {
    pipes.forEach(pipe -> pipe.frozen = true);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(targetHost, targetPort);
        sockets.add(client);
        sockets.add(target);
        start(client, target);
        start(target, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void start(Socket from, Socket to) throws IOException {
    Pipe pipe = new Pipe(from.getInputStream(), to.getOutputStream());
    pipes.add(pipe);
    Thread.ofPlatform().daemon().name("tcp-proxy-pipe").start(pipe);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private static final class Pipe implements Runnable {
    private final InputStream in;
    private final OutputStream out;
    volatile boolean frozen;

    Pipe(InputStream in, OutputStream out) {
      this.in = in;
      this.out = out;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        int read;
        while ((read = in.read(buffer)) != -1) {
          if (!frozen) {
            out.write(buffer, 0, read);
            out.flush();
          }
        }
      } catch (IOException e) {
        // The other side closed; the pipe ends with it.
      }
    }
  }
}

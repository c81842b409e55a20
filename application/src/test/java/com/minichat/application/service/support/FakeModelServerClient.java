package com.minichat.application.service.support;

import com.minichat.application.port.out.ai.ModelServerClient;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ServerModel;
import com.minichat.domain.common.UpstreamUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * A {@link ModelServerClient} standing in for model servers: it keeps the files it was sent by
 * digest (checking each file against the digest it came with, as Ollama does), creates models from
 * them, records every call with the endpoint it was made to, and fails as told.
 */
public final class FakeModelServerClient implements ModelServerClient {
  /** One call: the operation, the server asked and its argument (model name or digest). */
  public record Call(String operation, ProviderEndpoint server, String argument) {}

  private final List<ServerModel> models = new ArrayList<>();
  private final Set<String> blobs = new HashSet<>();
  private final List<Call> calls = new ArrayList<>();
  private final long progressStep;
  private String failing;

  /**
   * @param progressStep how many bytes each reported piece of an upload has
   */
  public FakeModelServerClient(long progressStep) {
    this.progressStep = progressStep;
  }

  /** Offers these models besides the ones created. */
  public synchronized FakeModelServerClient offering(ServerModel... offered) {
    models.addAll(List.of(offered));
    return this;
  }

  /** Holds a file with this digest already. */
  public synchronized FakeModelServerClient holding(String sha256) {
    blobs.add(sha256);
    return this;
  }

  /** Fails every call of {@code operation} ({@code models}, {@code upload}, {@code create}…). */
  public synchronized FakeModelServerClient failing(String operation) {
    this.failing = operation;
    return this;
  }

  /** Every call so far, oldest first. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The operations called so far, oldest first. */
  public synchronized List<String> operations() {
    return calls.stream().map(Call::operation).toList();
  }

  @Override
  public synchronized List<ServerModel> models(ProviderEndpoint server) {
    call("models", server, "");
    return List.copyOf(models);
  }

  @Override
  public synchronized boolean hasWeights(ProviderEndpoint server, String sha256) {
    call("has", server, sha256);
    return blobs.contains(sha256);
  }

  @Override
  public synchronized void uploadWeights(
      ProviderEndpoint server, String sha256, Path file, LongConsumer sent) {
    call("upload", server, sha256);
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
      byte[] buffer = new byte[(int) progressStep];
      long total = 0;
      for (int read = in.readNBytes(buffer, 0, buffer.length);
          read > 0;
          read = in.readNBytes(buffer, 0, buffer.length)) {
        total += read;
        sent.accept(total);
      }
      String received = HexFormat.of().formatHex(in.getMessageDigest().digest());
      if (!received.equals(sha256)) {
        throw new UpstreamUnavailableException("Ollama answered HTTP 400: digest mismatch", null);
      }
      blobs.add(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void createModel(ProviderEndpoint server, String name, String sha256) {
    call("create", server, name);
    if (!blobs.contains(sha256)) {
      throw new UpstreamUnavailableException("Ollama answered HTTP 400: no such blob", null);
    }
    models.add(new ServerModel(name, null, null, null));
  }

  private void call(String operation, ProviderEndpoint server, String argument) {
    calls.add(new Call(operation, server, argument));
    if (operation.equals(failing)) {
      throw new UpstreamUnavailableException("Ollama answered HTTP 500", null);
    }
  }

  /** The digest of {@code stream}'s bytes in hex. */
  public static String sha256Of(InputStream stream) throws IOException {
    try (DigestInputStream in = new DigestInputStream(stream, sha256())) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

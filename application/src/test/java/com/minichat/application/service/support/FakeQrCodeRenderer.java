package com.minichat.application.service.support;

import com.minichat.application.port.out.security.QrCodeRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A {@link QrCodeRenderer} whose "image" is the Base64 of the content; records what it drew. */
public final class FakeQrCodeRenderer implements QrCodeRenderer {
  private final List<String> rendered = new ArrayList<>();

  @Override
  public synchronized String pngDataUri(String content) {
    rendered.add(content);
    return "data:image/png;base64,"
        + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
  }

  /** Everything drawn so far, in order. */
  public synchronized List<String> rendered() {
    return List.copyOf(rendered);
  }
}

package com.minichat.application.port.out.security;

/** Draws QR codes, e.g. for authenticator apps to scan. */
public interface QrCodeRenderer {
  /** A {@code data:image/png;base64,…} URI of the QR code of {@code content}. */
  String pngDataUri(String content);
}

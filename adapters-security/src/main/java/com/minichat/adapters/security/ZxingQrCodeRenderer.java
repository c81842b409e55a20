package com.minichat.adapters.security;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.minichat.application.port.out.security.QrCodeRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * {@link QrCodeRenderer} on ZXing: black-on-white PNG, error correction level M, UTF-8 content and
 * the standard quiet zone of four modules, returned as a {@code data:image/png;base64,…} URI that
 * an {@code <img>} can show directly.
 */
public final class ZxingQrCodeRenderer implements QrCodeRenderer {
  /** Width and height of the image unless configured otherwise. */
  public static final int DEFAULT_SIZE_PIXELS = 256;

  static final String PREFIX = "data:image/png;base64,";

  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(
          EncodeHintType.ERROR_CORRECTION,
          ErrorCorrectionLevel.M,
          EncodeHintType.CHARACTER_SET,
          StandardCharsets.UTF_8.name(),
          EncodeHintType.MARGIN,
          4);

  private final int sizePixels;

  /** Creates a renderer drawing {@value #DEFAULT_SIZE_PIXELS}-pixel squares. */
  public ZxingQrCodeRenderer() {
    this(DEFAULT_SIZE_PIXELS);
  }

  /**
   * Creates a renderer.
   *
   * @param sizePixels width and height of the image, 64 to 2048 (ZXing enlarges it if the content
   *     needs more modules)
   */
  public ZxingQrCodeRenderer(int sizePixels) {
    if (sizePixels < 64 || sizePixels > 2048) {
      throw new IllegalArgumentException("QR code size must be between 64 and 2048 pixels");
    }
    this.sizePixels = sizePixels;
  }

  @Override
  public String pngDataUri(String content) {
    Objects.requireNonNull(content, "content");
    if (content.isEmpty()) {
      throw new IllegalArgumentException("QR code content must not be empty");
    }
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, sizePixels, sizePixels, HINTS);
    } catch (WriterException e) {
      // only when the content exceeds a QR code's capacity (about 2.3 KB at level M)
      throw new IllegalArgumentException("content too long for a QR code", e);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      MatrixToImageWriter.writeToStream(matrix, "PNG", png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the QR code as PNG", e);
    }
    return PREFIX + Base64.getEncoder().encodeToString(png.toByteArray());
  }
}

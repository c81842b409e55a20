package com.minichat.adapters.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZxingQrCodeRendererTest {
  private static final String OTPAUTH =
      "otpauth://totp/MiniChat:ann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=MiniChat"
          + "&algorithm=SHA1&digits=6&period=30";
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final ZxingQrCodeRenderer renderer = new ZxingQrCodeRenderer();

  @Test
  void otpauthUriDecodesBackToItself() throws Exception {
    String uri = renderer.pngDataUri(OTPAUTH);

    assertEquals(OTPAUTH, decode(image(uri)));
  }

  @Test
  void isAPngDataUri() throws IOException {
    String uri = renderer.pngDataUri(OTPAUTH);
    byte[] png = Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));

    assertTrue(uri.startsWith("data:image/png;base64,"), uri.substring(0, 30));
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
    assertNotNull(ImageIO.read(new ByteArrayInputStream(png)));
  }

  @Test
  void hasTheDefaultSize() throws IOException {
    BufferedImage image = image(renderer.pngDataUri(OTPAUTH));

    assertEquals(ZxingQrCodeRenderer.DEFAULT_SIZE_PIXELS, image.getWidth());
    assertEquals(ZxingQrCodeRenderer.DEFAULT_SIZE_PIXELS, image.getHeight());
  }

  @Test
  void hasTheConfiguredSizeAndStillDecodes() throws Exception {
    BufferedImage image = image(new ZxingQrCodeRenderer(400).pngDataUri(OTPAUTH));

    assertEquals(400, image.getWidth());
    assertEquals(400, image.getHeight());
    assertEquals(OTPAUTH, decode(image));
  }

  @Test
  void isBlackOnWhiteWithAQuietZone() throws IOException {
    BufferedImage image = image(renderer.pngDataUri(OTPAUTH));

    assertEquals(0xFFFFFFFF, image.getRGB(0, 0));
    assertEquals(0xFFFFFFFF, image.getRGB(image.getWidth() - 1, image.getHeight() - 1));
    boolean hasBlack = false;
    for (int x = 0; x < image.getWidth() && !hasBlack; x++) {
      hasBlack = image.getRGB(x, image.getHeight() / 2) == 0xFF000000;
    }
    assertTrue(hasBlack);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "https://example.com/", "รหัสยืนยัน MiniChat ✓"})
  void anyTextRoundTrips(String content) throws Exception {
    assertEquals(content, decode(image(renderer.pngDataUri(content))));
  }

  @Test
  void rejectsEmptyAndTooLongContent() {
    assertThrows(IllegalArgumentException.class, () -> renderer.pngDataUri(""));
    assertThrows(IllegalArgumentException.class, () -> renderer.pngDataUri("x".repeat(5_000)));
    assertThrows(NullPointerException.class, () -> renderer.pngDataUri(null));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 63, 2049})
  void rejectsUnreasonableSizes(int size) {
    assertThrows(IllegalArgumentException.class, () -> new ZxingQrCodeRenderer(size));
  }

  private static BufferedImage image(String dataUri) throws IOException {
    byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static String decode(BufferedImage image)
      throws NotFoundException, ChecksumException, FormatException {
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    return new QRCodeReader()
        .decode(
            bitmap,
            Map.of(
                DecodeHintType.PURE_BARCODE, Boolean.FALSE, DecodeHintType.CHARACTER_SET, "UTF-8"))
        .getText();
  }
}

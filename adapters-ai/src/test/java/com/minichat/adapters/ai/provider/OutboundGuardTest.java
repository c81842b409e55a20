package com.minichat.adapters.ai.provider;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {
  private final OutboundGuard strict = OutboundGuard.allowing(List.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:11434",
        "http://localhost:8080/v1",
        "http://10.1.2.3/v1",
        "http://172.16.0.9",
        "http://192.168.1.20:11434",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1",
        "http://0.0.0.0:6379",
        "http://[::1]:11434",
        "http://[fd12:3456::1]",
        "http://[fe80::1]"
      })
  void privateLoopbackLinkLocalAndMetadataAddressesAreRefused(String url) {
    ProviderException refused =
        assertThrows(ProviderException.class, () -> strict.check("Ollama", URI.create(url)));

    assertFalse(refused.retryable());
    assertTrue(refused.getMessage().startsWith("Ollama's address is on a private network"));
  }

  @Test
  void publicAddressesPass() {
    assertDoesNotThrow(() -> strict.check("OpenAI", URI.create("https://8.8.8.8/v1")));
    assertDoesNotThrow(() -> strict.check("OpenAI", URI.create("https://[2001:4860::8888]/v1")));
  }

  @Test
  void allowedHostsAndRangesPass() {
    OutboundGuard onPremise =
        OutboundGuard.allowing(List.of("localhost", " 10.0.0.0/8 ", "fd00::/8", "192.168.1.20"));

    assertDoesNotThrow(() -> onPremise.check("Ollama", URI.create("http://localhost:11434")));
    assertDoesNotThrow(() -> onPremise.check("Ollama", URI.create("http://10.200.3.4/v1")));
    assertDoesNotThrow(() -> onPremise.check("Ollama", URI.create("http://[fd12::1]")));
    assertDoesNotThrow(() -> onPremise.check("Ollama", URI.create("http://192.168.1.20")));
    assertThrows(
        ProviderException.class,
        () -> onPremise.check("Ollama", URI.create("http://192.168.1.21")));
    assertThrows(
        ProviderException.class,
        () -> onPremise.check("Ollama", URI.create("http://169.254.169.254")));
  }

  @Test
  void everythingPassesWhenAllIsAllowed() {
    assertDoesNotThrow(
        () -> OutboundGuard.ALLOW_ALL.check("Ollama", URI.create("http://127.0.0.1:11434")));
  }

  @Test
  void aMalformedRangeIsRefusedAtStart() {
    assertThrows(
        IllegalArgumentException.class, () -> OutboundGuard.allowing(List.of("10.0.0.0/40")));
  }

  @Test
  void carrierGradeNatIsPrivateButItsNeighboursAreNot() throws Exception {
    assertTrue(OutboundGuard.isPrivate(InetAddress.getByName("100.127.255.255")));
    assertFalse(OutboundGuard.isPrivate(InetAddress.getByName("100.128.0.1")));
    assertEquals(false, OutboundGuard.isPrivate(InetAddress.getByName("1.1.1.1")));
  }
}

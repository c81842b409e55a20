package com.minichat.domain.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UrlsTest {
  @Test
  void acceptsAbsoluteHttpAddressesInAnyCase() {
    assertTrue(Urls.isHttp("https://crm.example.com/hook", 100));
    assertTrue(Urls.isHttp(" HTTP://127.0.0.1:11434 ", 100));
  }

  @Test
  void refusesOtherSchemesRelativeAndOverlongAddresses() {
    assertFalse(Urls.isHttp("ftp://example.com", 100));
    assertFalse(Urls.isHttp("javascript:alert(1)", 100));
    assertFalse(Urls.isHttp("/relative/path", 100));
    assertFalse(Urls.isHttp("https://", 100));
    assertFalse(Urls.isHttp("https://example.com/" + "a".repeat(100), 100));
    assertFalse(Urls.isHttp(null, 100));
  }

  @Test
  void publicHttpsAddressesHaveNoCredentialsAndNoOtherScheme() {
    assertTrue(Urls.isPublicHttps(" HTTPS://cdn.example.com/bot.png ", 100));
    assertFalse(Urls.isPublicHttps("http://cdn.example.com/bot.png", 100));
    assertFalse(Urls.isPublicHttps("https://user:secret@cdn.example.com/bot.png", 100));
    assertFalse(Urls.isPublicHttps("https:///bot.png", 100));
    assertFalse(Urls.isPublicHttps("https://cdn.example.com/" + "a".repeat(100), 100));
    assertFalse(Urls.isPublicHttps(null, 100));
  }
}

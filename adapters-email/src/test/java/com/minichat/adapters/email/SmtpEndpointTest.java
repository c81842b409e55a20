package com.minichat.adapters.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpEndpointTest {

  @Test
  void readsUserPasswordHostAndPort() {
    SmtpEndpoint endpoint = SmtpEndpoint.parse("smtp://mailer:s3cret@mail.example.com:2525", true);

    assertEquals(
        new SmtpEndpoint("mail.example.com", 2525, "mailer", "s3cret", false, true), endpoint);
    assertTrue(endpoint.authenticated());
  }

  @Test
  void decodesPercentEncodedCredentialsAndKeepsPlusSigns() {
    SmtpEndpoint endpoint =
        SmtpEndpoint.parse("smtps://me%40example.com:p%3Ass+w%2Fd@smtp.example.com", false);

    assertEquals("me@example.com", endpoint.username());
    assertEquals("p:ss+w/d", endpoint.password());
    assertTrue(endpoint.implicitTls());
  }

  @Test
  void defaultPortsFollowTheScheme() {
    assertEquals(465, SmtpEndpoint.parse("smtps://smtp.example.com", false).port());
    assertEquals(587, SmtpEndpoint.parse("smtp://smtp.example.com", true).port());
    assertEquals(25, SmtpEndpoint.parse("smtp://smtp.example.com", false).port());
  }

  @Test
  void userInfoIsOptional() {
    SmtpEndpoint endpoint = SmtpEndpoint.parse("smtp://localhost:1025", false);

    assertNull(endpoint.username());
    assertNull(endpoint.password());
    assertFalse(endpoint.authenticated());
  }

  @Test
  void toStringHidesThePassword() {
    String text = SmtpEndpoint.parse("smtp://mailer:s3cret@mail.example.com:587", true).toString();

    assertFalse(text.contains("s3cret"), text);
    assertTrue(text.contains("mail.example.com:587"), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://mailer:s3cret@mail.example.com",
        "mail.example.com:25",
        "smtp://",
        "smtp://mailer:s3cret@:25",
        "smtp://mailer:s3cret@host name",
        "smtp://mailer:s3cret@mail.example.com:0"
      })
  void rejectsOtherUrlsWithoutEchoingThem(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SmtpEndpoint.parse(url, false));

    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void startTlsMakesNoSenseOnSmtps() {
    assertThrows(
        IllegalArgumentException.class, () -> SmtpEndpoint.parse("smtps://mail.example.com", true));
  }
}

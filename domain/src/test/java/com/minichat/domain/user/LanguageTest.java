package com.minichat.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

  @ParameterizedTest
  @ValueSource(strings = {"th", "TH", "th-TH", " th_TH ", "Thai"})
  void anythingThaiIsThai(String language) {
    assertEquals(Language.THAI, Language.normalise(language));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"en", "EN-gb", "fr", "   ", "x-th"})
  void everythingElseIsEnglish(String language) {
    assertEquals(Language.ENGLISH, Language.normalise(language));
  }
}

package com.minichat.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTokenizerTest {

  @Test
  void englishWordsAreLowerCasedWithoutFillersAndPlurals() {
    assertEquals(
        List.of("opening", "hour", "shop"),
        TextTokenizer.tokenize("What are the Opening HOURS of the shop?"));
  }

  @Test
  void thaiTextWithoutSpacesIsSegmentedIntoWordsAndBigrams() {
    List<String> tokens = TextTokenizer.tokenize("ร้านเปิดกี่โมงครับ");

    assertTrue(tokens.contains("ร้าน"), tokens::toString);
    assertTrue(tokens.contains("เปิด"), tokens::toString);
    assertFalse(tokens.contains("ครับ"), "polite particle is filler: " + tokens);
    assertTrue(tokens.contains(TextTokenizer.BIGRAM_PREFIX + "ร้"), tokens::toString);
  }

  @Test
  void wordsWithSaraAmAreStillSegmented() {
    List<String> tokens = TextTokenizer.tokenize("ทำงานกี่โมง");

    assertTrue(tokens.contains("ทำงาน") || tokens.contains("ทำ"), tokens::toString);
    assertTrue(tokens.contains("โมง"), tokens::toString);
  }

  @Test
  void mixedScriptsAreSplitAtTheBoundary() {
    List<String> tokens = TextTokenizer.tokenize("ส่งฟรีที่ Bangkok");

    assertTrue(tokens.contains("bangkok"), tokens::toString);
    assertTrue(tokens.contains("ส่ง"), tokens::toString);
  }

  @Test
  void detectsThaiScript() {
    assertTrue(TextTokenizer.containsThai("hello สวัสดี"));
    assertFalse(TextTokenizer.containsThai("hello"));
    assertFalse(TextTokenizer.containsThai(null));
  }

  @Test
  void emptyInputGivesNoTokens() {
    assertEquals(List.of(), TextTokenizer.tokenize(""));
    assertEquals(List.of(), TextTokenizer.tokenize("?!  ..."));
  }
}

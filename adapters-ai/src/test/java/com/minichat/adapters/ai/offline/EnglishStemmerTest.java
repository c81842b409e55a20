package com.minichat.adapters.ai.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnglishStemmerTest {

  @ParameterizedTest(name = "{0} meets {1}")
  @CsvSource({
    "open, opening",
    "open, opened",
    "ship, shipping",
    "ship, shipped",
    "stop, stopped",
    "international, internationally",
    "price, pricing",
    "price, priced",
    "close, closing",
    "box, boxe",
    "policy, policie",
    "add, added",
    "call, calling",
    "refund, refunded",
    "deliver, delivered"
  })
  void relatedFormsShareAStem(String word, String inflected) {
    assertEquals(EnglishStemmer.stem(word), EnglishStemmer.stem(inflected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thing", "bring", "string", "need", "only", "king", "9am", "covid19"})
  void shortOrSuffixLikeWordsStayWhole(String word) {
    assertEquals(word, EnglishStemmer.stem(word));
  }

  @ParameterizedTest(name = "{0} stays apart from {1}")
  @CsvSource({"ship, shop", "open, often", "refund, fund", "deliver, delivery"})
  void unrelatedWordsStayApart(String one, String other) {
    assertNotEquals(EnglishStemmer.stem(one), EnglishStemmer.stem(other));
  }
}

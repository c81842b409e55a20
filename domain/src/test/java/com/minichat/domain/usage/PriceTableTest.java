package com.minichat.domain.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.domain.usage.PriceTable.Price;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  private final PriceTable table =
      new PriceTable(
          List.of(
              new Price("openai", "gpt-4o", 2_500_000, 10_000_000),
              new Price("openai", "gpt-4o-mini", 150_000, 600_000),
              new Price("gemini", "gemini-2.0-flash", 100_000, 400_000)));

  @Test
  void theLongestPrefixOfTheProvidersModelsWins() {
    assertEquals(
        150_000,
        table.priceOf("openai", "gpt-4o-mini-2024-07-18").orElseThrow().inputMicrosPerMillion());
    assertEquals(
        2_500_000,
        table.priceOf("OpenAI", "GPT-4o-2024-08-06").orElseThrow().inputMicrosPerMillion());
    assertEquals(
        true, table.priceOf("openai-compatible", "gpt-4o").isEmpty(), "the provider counts");
  }

  @Test
  void costIsInputPlusOutputTokensAtTheirPricesRoundedUp() {
    // 1000 × 0.15 + 500 × 0.60 per million tokens = 150 + 300 micro-dollars
    assertEquals(450, table.costMicros("openai", "gpt-4o-mini", 1000, 500));
    // 1 token at 0.10 $/M is a tenth of a micro-dollar: rounded up to one
    assertEquals(1, table.costMicros("gemini", "gemini-2.0-flash", 1, 0));
    assertEquals(0, table.costMicros("gemini", "gemini-2.0-flash", 0, 0));
  }

  @Test
  void modelsWithoutAPriceCostNothing() {
    assertEquals(0, table.costMicros("ollama", "llama3.2", 10_000, 10_000));
    assertEquals(0, table.costMicros("offline", "offline", 10, 10));
    assertEquals(0, PriceTable.NONE.costMicros("openai", "gpt-4o", 10, 10));
  }

  @Test
  void negativePricesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Price("openai", "x", -1, 0));
  }
}

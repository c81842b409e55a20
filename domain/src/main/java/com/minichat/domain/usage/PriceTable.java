package com.minichat.domain.usage;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What AI providers charge, to put a cost on every answer. A price applies to a provider's models
 * whose name starts with its prefix; the longest prefix wins, so {@code gpt-4o-mini} can cost less
 * than {@code gpt-4o}. Models without a price (self-hosted servers, the offline answerer) cost
 * nothing.
 */
public record PriceTable(List<Price> prices) {
  /** No prices at all: every answer is free. */
  public static final PriceTable NONE = new PriceTable(List.of());

  /**
   * One provider's price for models starting with {@code modelPrefix}.
   *
   * @param provider the provider type's wire name, e.g. {@code openai}
   * @param inputMicrosPerMillion millionths of a US dollar per million prompt tokens
   * @param outputMicrosPerMillion millionths of a US dollar per million answer tokens
   */
  public record Price(
      String provider,
      String modelPrefix,
      long inputMicrosPerMillion,
      long outputMicrosPerMillion) {
    public Price {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(modelPrefix, "modelPrefix");
      provider = provider.strip().toLowerCase(Locale.ROOT);
      modelPrefix = modelPrefix.strip().toLowerCase(Locale.ROOT);
      if (inputMicrosPerMillion < 0 || outputMicrosPerMillion < 0) {
        throw new IllegalArgumentException(
            "prices must not be negative: " + provider + "/" + modelPrefix);
      }
    }
  }

  public PriceTable {
    prices = List.copyOf(prices);
  }

  /** The price of {@code model} at {@code provider}, if the table has one. */
  public Optional<Price> priceOf(String provider, String model) {
    String kind = provider.toLowerCase(Locale.ROOT);
    String name = model.toLowerCase(Locale.ROOT);
    return prices.stream()
        .filter(price -> price.provider().equals(kind) && name.startsWith(price.modelPrefix()))
        .max(Comparator.comparingInt(price -> price.modelPrefix().length()));
  }

  /**
   * What {@code inputTokens} and {@code outputTokens} of {@code model} cost, in millionths of a US
   * dollar, rounded up so that many small answers never add up to less than they cost.
   */
  public long costMicros(String provider, String model, long inputTokens, long outputTokens) {
    return priceOf(provider, model)
        .map(
            price ->
                ceilDiv(
                    BigInteger.valueOf(inputTokens)
                        .multiply(BigInteger.valueOf(price.inputMicrosPerMillion()))
                        .add(
                            BigInteger.valueOf(outputTokens)
                                .multiply(BigInteger.valueOf(price.outputMicrosPerMillion())))))
        .orElse(0L);
  }

  private static long ceilDiv(BigInteger tokensTimesMicros) {
    BigInteger[] quotient = tokensTimesMicros.divideAndRemainder(BigInteger.valueOf(1_000_000));
    BigInteger rounded = quotient[1].signum() > 0 ? quotient[0].add(BigInteger.ONE) : quotient[0];
    return rounded.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
  }
}

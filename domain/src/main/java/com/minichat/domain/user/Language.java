package com.minichat.domain.user;

import java.util.Locale;

/** The languages MiniChat speaks to users in. */
public final class Language {
  public static final String THAI = "th";
  public static final String ENGLISH = "en";

  private Language() {}

  /** {@code th} for anything Thai ({@code th}, {@code th-TH}…), otherwise {@code en}. */
  public static String normalise(String language) {
    return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith(THAI)
        ? THAI
        : ENGLISH;
  }
}

package com.minichat.domain.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingRestorerTest {
  private static final String EMAIL = "somchai@example.co.th";
  private static final String PHONE = "081-234-5678";

  private final PlaceholderVault vault = new PlaceholderVault();

  @BeforeEach
  void redactAConversation() {
    new PersonalDataRedactor().redact("ติดต่อ " + EMAIL + " หรือ " + PHONE, vault);
  }

  @Test
  void passesTextOnAsSoonAsItCannotBeAPlaceholder() {
    StreamingRestorer restorer = new StreamingRestorer(vault);

    assertEquals("Write to ", restorer.accept("Write to [EM"));
    assertEquals(EMAIL + " please", restorer.accept("AIL_1] please"));
    assertEquals("", restorer.finish());
  }

  @Test
  void releasesABracketThatTurnsOutToBeOrdinaryText() {
    StreamingRestorer restorer = new StreamingRestorer(vault);

    assertEquals("ราคา 100 บาท ", restorer.accept("ราคา 100 บาท ["));
    assertEquals("[ลดแล้ว] ค่ะ", restorer.accept("ลดแล้ว] ค่ะ"));
    assertEquals("", restorer.finish());
  }

  @Test
  void holdsABarePlaceholderUntilItsEndIsKnown() {
    StreamingRestorer restorer = new StreamingRestorer(vault);

    assertEquals("โทร ", restorer.accept("โทร PHONE_1"));
    assertEquals(PHONE + "ได้เลย", restorer.accept("ได้เลย"));
    assertEquals("ส่ง ", restorer.accept("ส่ง EMAIL_1"));
    assertEquals("EMAIL_12 ฉบับ", restorer.accept("2 ฉบับ"));
    assertEquals("", restorer.finish());
  }

  @Test
  void finishRestoresAPlaceholderAtTheVeryEnd() {
    StreamingRestorer restorer = new StreamingRestorer(vault);

    assertEquals("อีเมลคือ ", restorer.accept("อีเมลคือ [EMAIL_1"));
    assertEquals(EMAIL, restorer.finish());
  }

  @Test
  void finishReleasesAnUnfinishedPlaceholderAsItIs() {
    StreamingRestorer restorer = new StreamingRestorer(vault);

    assertEquals("ดู ", restorer.accept("ดู [EM"));
    assertEquals("[EM", restorer.finish());
    assertEquals("", restorer.finish());
  }

  @Test
  void holdsNothingWhenTheVaultIsEmpty() {
    StreamingRestorer restorer = new StreamingRestorer(new PlaceholderVault());

    assertEquals("Write to [EM", restorer.accept("Write to [EM"));
    assertEquals("AIL_1] please", restorer.accept("AIL_1] please"));
    assertEquals("", restorer.finish());
  }

  @Test
  void refusesPiecesAfterTheAnswerIsFinished() {
    StreamingRestorer restorer = new StreamingRestorer(vault);
    restorer.finish();

    assertThrows(IllegalStateException.class, () -> restorer.accept("more"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ส่งไปที่[EMAIL_1]ค่ะ หรือโทร [PHONE_1] นะคะ",
        "Write to [email 1] or call PHONE_1.",
        "ส่งไปที่EMAIL_1ค่ะ [PHONE_2] [EMAIL_12] \\[EMAIL\\_1\\] [Thai ID 1]",
        "[EMAIL_1][PHONE_1]EMAIL_1",
        "ข้อความธรรมดา [ไม่ใช่] EMAIL PHONE_ ["
      })
  void everySplitGivesTheSameTextAsRestoringTheWholeAnswer(String answer) {
    String whole = vault.restore(answer);

    for (int split = 0; split <= answer.length(); split++) {
      assertEquals(whole, stream(answer, split, split), "split at " + split);
    }
    for (int first = 0; first <= answer.length(); first++) {
      for (int second = first; second <= answer.length(); second++) {
        assertEquals(whole, stream(answer, first, second), "split at " + first + ", " + second);
      }
    }
    StreamingRestorer restorer = new StreamingRestorer(vault);
    StringBuilder byCharacter = new StringBuilder();
    answer.chars().forEach(c -> byCharacter.append(restorer.accept(String.valueOf((char) c))));
    assertEquals(whole, byCharacter.append(restorer.finish()).toString());
  }

  @Test
  void restoresWhatTheWholeAnswerRestores() {
    assertEquals(
        "ส่งไปที่" + EMAIL + "ค่ะ หรือโทร " + PHONE + " นะคะ",
        vault.restore("ส่งไปที่[EMAIL_1]ค่ะ หรือโทร [PHONE_1] นะคะ"));
  }

  /** Streams {@code answer} in three pieces cut at {@code first} and {@code second}. */
  private String stream(String answer, int first, int second) {
    StreamingRestorer restorer = new StreamingRestorer(vault);
    return restorer.accept(answer.substring(0, first))
        + restorer.accept(answer.substring(first, second))
        + restorer.accept(answer.substring(second))
        + restorer.finish();
  }
}

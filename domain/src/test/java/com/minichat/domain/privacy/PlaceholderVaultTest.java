package com.minichat.domain.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderVaultTest {
  private static final String EMAIL = "somchai@example.co.th";
  private static final String THAI_ID = "1-1037-02071-81-1";

  private final PersonalDataRedactor redactor = new PersonalDataRedactor();
  private final PlaceholderVault vault = new PlaceholderVault();

  @Test
  void restoringARedactedTextGivesBackTheOriginal() {
    String text =
        "สวัสดีค่ะ ดิฉันชื่อสมหญิง อีเมลsomchai@example.co.thค่ะ โทร 081-234-5678 หรือ +66 2 123 4567"
            + " บัตร 4111 1111 1111 1111 เลขบัตรประชาชน 1-1037-02071-81-1 ราคา 1,500 บาท";

    String redacted = redactor.redact(text, vault);

    assertFalse(redacted.contains("somchai"), redacted);
    assertFalse(redacted.contains("5678"), redacted);
    assertFalse(redacted.contains("1111"), redacted);
    assertFalse(redacted.contains("02071"), redacted);
    assertTrue(redacted.contains("1,500 บาท"), redacted);
    assertEquals(text, vault.restore(redacted));
  }

  @Test
  void restoresPlaceholdersInTheModelsAnswer() {
    redactor.redact("อีเมล " + EMAIL + " บัตร " + THAI_ID, vault);

    assertEquals(
        "เราจะส่งใบเสร็จไปที่ " + EMAIL + " สำหรับบัตร " + THAI_ID + " ค่ะ",
        vault.restore("เราจะส่งใบเสร็จไปที่ [EMAIL_1] สำหรับบัตร [THAI_ID_1] ค่ะ"));
  }

  @Test
  void aValueWrittenTwoWaysComesBackAsFirstWritten() {
    redactor.redact("โทร 081-234-5678 หรือ +66812345678", vault);

    assertEquals("โทร 081-234-5678 นะคะ", vault.restore("โทร [PHONE_1] นะคะ"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[EMAIL_1]",
        "[email_1]",
        "[Email_1]",
        "[EMAIL 1]",
        "[EMAIL-1]",
        "[EMAIL1]",
        "[ EMAIL_1 ]",
        "[EMAIL_1 ]",
        "\\[EMAIL\\_1\\]",
        "[EMAIL\\_1]",
        "EMAIL_1",
        "[EMAIL_1",
        "EMAIL_1]",
        "(EMAIL_1)",
        "{EMAIL_1}"
      })
  void restoresSlightlyMangledPlaceholders(String mangled) {
    redactor.redact("mail " + EMAIL, vault);
    // bare placeholders are restored between any characters but Latin letters, digits and _
    String expected =
        mangled.startsWith("(") || mangled.startsWith("{")
            ? mangled.charAt(0) + EMAIL + mangled.charAt(mangled.length() - 1)
            : EMAIL;

    assertEquals("Write to " + expected + ".", vault.restore("Write to " + mangled + "."));
    assertEquals("ส่งไปที่" + expected + "ค่ะ", vault.restore("ส่งไปที่" + mangled + "ค่ะ"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[THAI ID 1]", "[thai-id-1]", "[THAIID_1]", "[Thai_ID_1]", "THAI_ID_1"})
  void restoresMangledThaiIdPlaceholders(String mangled) {
    redactor.redact("ID " + THAI_ID, vault);

    assertEquals("เลข " + THAI_ID, vault.restore("เลข " + mangled));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "email_1",
        "Email_1",
        "EMAIL 1",
        "EMAIL-1",
        "MY_EMAIL_1",
        "EMAIL_1x",
        "xEMAIL_1",
        "[EMAIL_12]",
        "EMAIL_12",
        "[EMAIL_01]",
        "[EMAIL_2]",
        "[PHONE_1]",
        "[EMAIL__1]"
      })
  void leavesUnknownOrTooMangledPlaceholdersAlone(String text) {
    redactor.redact("mail " + EMAIL, vault);
    String answer = "Write to " + text + ".";

    assertSame(answer, vault.restore(answer));
  }

  @Test
  void anAnswerWithoutPlaceholdersIsReturnedAsTheSameString() {
    redactor.redact("mail " + EMAIL, vault);
    String answer = "ร้านเปิด 10:00 ถึง 20:00 น. ค่ะ";

    assertSame(answer, vault.restore(answer));
    assertSame("", vault.restore(""));
  }

  @Test
  void anEmptyVaultRestoresNothing() {
    String answer = "Write to [EMAIL_1]";

    assertTrue(vault.isEmpty());
    assertSame(answer, vault.restore(answer));
  }

  @Test
  void aPlaceholderTypedByTheVisitorIsNeverHandedOutNorRestored() {
    String redacted =
        redactor.redact("แม่แบบเขียนว่า [EMAIL_1] แต่อีเมลจริงของฉันคือ " + EMAIL + " ค่ะ", vault);

    assertEquals("แม่แบบเขียนว่า [EMAIL_1] แต่อีเมลจริงของฉันคือ [EMAIL_2] ค่ะ", redacted);
    assertEquals(
        "[EMAIL_1] คือช่องในแม่แบบ ส่วนอีเมลของคุณคือ " + EMAIL,
        vault.restore("[EMAIL_1] คือช่องในแม่แบบ ส่วนอีเมลของคุณคือ [EMAIL_2]"));
  }

  @Test
  void aMangledPlaceholderTypedByTheVisitorIsReservedToo() {
    redactor.redact("what is [email 1]? my mail is " + EMAIL, vault);

    assertEquals("[EMAIL_1] or " + EMAIL, vault.restore("[EMAIL_1] or [EMAIL_2]"));
  }

  @Test
  void aPlaceholderTypedAfterItWasHandedOutIsHiddenBehindItsOwnPlaceholder() {
    String history = redactor.redact("อีเมลของฉัน " + EMAIL, vault);
    String question = redactor.redact("แล้ว [EMAIL_1] ในอีเมลที่ได้รับหมายถึงอะไรคะ", vault);

    assertEquals("อีเมลของฉัน [EMAIL_1]", history);
    assertEquals("แล้ว [TEXT_1] ในอีเมลที่ได้รับหมายถึงอะไรคะ", question);
    assertEquals(
        "[EMAIL_1] คือชื่อช่อง ไม่ใช่ " + EMAIL,
        vault.restore("[TEXT_1] คือชื่อช่อง ไม่ใช่ [EMAIL_1]"));
  }

  @Test
  void redactAllReservesPlaceholdersTypedInAnyText() {
    List<String> redacted =
        redactor.redactAll(List.of("อีเมลของฉัน " + EMAIL, "แล้ว [EMAIL_1] หมายถึงอะไรคะ"), vault);

    assertEquals(List.of("อีเมลของฉัน [EMAIL_2]", "แล้ว [EMAIL_1] หมายถึงอะไรคะ"), redacted);
    assertEquals("[EMAIL_1] ≠ " + EMAIL, vault.restore("[EMAIL_1] ≠ [EMAIL_2]"));
  }

  @Test
  void anEmailThatLooksLikeAPlaceholderIsStillRedacted() {
    assertEquals("[EMAIL_2]", redactor.redact("EMAIL_1@example.com", vault));
    assertEquals("EMAIL_1@example.com", vault.restore("[EMAIL_2]"));
    assertEquals("EMAIL_1", vault.restore("EMAIL_1"));
  }

  @Test
  void countsPlaceholdersWithoutRevealingThemWhenPrinted() {
    redactor.redact(EMAIL + " 0812345678 " + EMAIL, vault);

    assertEquals(2, vault.size());
    assertFalse(vault.isEmpty());
    assertEquals("PlaceholderVault[2 placeholders]", vault.toString());
  }
}

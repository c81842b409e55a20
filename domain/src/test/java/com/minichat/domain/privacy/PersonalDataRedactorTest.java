package com.minichat.domain.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataRedactorTest {
  private final PersonalDataRedactor redactor = new PersonalDataRedactor();

  private String redact(String text) {
    return redactor.redact(text, new PlaceholderVault());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Write to somchai@example.com please           | Write to [EMAIL_1] please
          ติดต่อsomchai@example.co.thค่ะ                   | ติดต่อ[EMAIL_1]ค่ะ
          อีเมล first.last+tag@sub.example-shop.co.th นะครับ | อีเมล [EMAIL_1] นะครับ
          Mail me (Somchai_99@Mail.Example.COM).        | Mail me ([EMAIL_1]).
          sent to a@b.co, thanks                        | sent to [EMAIL_1], thanks
          https://shop.example/?ref=somchai@example.com | https://shop.example/?ref=[EMAIL_1]
          """)
  void replacesEmailAddresses(String text, String expected) {
    assertEquals(expected, redact(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          โทร 081-234-5678 ค่ะ          | โทร [PHONE_1] ค่ะ
          โทร0812345678ค่ะ              | โทร[PHONE_1]ค่ะ
          call me on 081 234 5678.     | call me on [PHONE_1].
          เบอร์ 08-1234-5678 นะครับ      | เบอร์ [PHONE_1] นะครับ
          081-2345678                  | [PHONE_1]
          0998765432                   | [PHONE_1]
          line 062-345-6789            | line [PHONE_1]
          office 02-123-4567           | office [PHONE_1]
          สำนักงาน 02 123 4567           | สำนักงาน [PHONE_1]
          021234567                    | [PHONE_1]
          02-1234567                   | [PHONE_1]
          เชียงใหม่ 053-123-456          | เชียงใหม่ [PHONE_1]
          +66 81 234 5678              | [PHONE_1]
          call +66812345678 now        | call [PHONE_1] now
          +66-81-234-5678              | [PHONE_1]
          +66 2 123 4567               | [PHONE_1]
          +66 081 234 5678             | [PHONE_1]
          +0812345678                  | [PHONE_1]
          US office +1 415 555 2671    | US office [PHONE_1]
          London +44 20 7946 0958      | London [PHONE_1]
          Tokyo +81-3-1234-5678        | Tokyo [PHONE_1]
          โทร+8613812345678ค่ะ           | โทร[PHONE_1]ค่ะ
          เบอร์ ๐๘๑-๒๓๔-๕๖๗๘            | เบอร์ [PHONE_1]
          SKU123 081 234 5678          | SKU123 [PHONE_1]
          +66 81 234 5678 5 ชิ้น         | [PHONE_1] 5 ชิ้น
          office (02) 123 4567         | office [PHONE_1]
          US +1 (415) 555-2671         | US [PHONE_1]
          +66 (0) 81 234 5678          | [PHONE_1]
          (1) 0812345678               | (1) [PHONE_1]
          (0812345678)                 | ([PHONE_1])
          """)
  void replacesPhoneNumbers(String text, String expected) {
    assertEquals(expected, redact(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          card 4111 1111 1111 1111 please   | card [CARD_1] please
          4111-1111-1111-1111               | [CARD_1]
          บัตร4111111111111111ค่ะ             | บัตร[CARD_1]ค่ะ
          Mastercard 5555 5555 5555 4444    | Mastercard [CARD_1]
          Amex 3782 822463 10005            | Amex [CARD_1]
          Diners 3056 930902 5904           | Diners [CARD_1]
          old Visa 4222222222222            | old Visa [CARD_1]
          19 digits 4111 1111 1111 1111 003 | 19 digits [CARD_1]
          card 4111 1111 1111 1111 123 exp  | card [CARD_1] 123 exp
          """)
  void replacesCardNumbersThatPassTheLuhnCheck(String text, String expected) {
    assertEquals(expected, redact(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          เลขบัตรประชาชน 1103702071811 ค่ะ  | เลขบัตรประชาชน [THAI_ID_1] ค่ะ
          เลขบัตรประชาชน3100600123450ค่ะ    | เลขบัตรประชาชน[THAI_ID_1]ค่ะ
          ID 1-1037-02071-81-1            | ID [THAI_ID_1]
          ID 1 1037 02071 81 1            | ID [THAI_ID_1]
          ๑๑๐๓๗๐๒๐๗๑๘๑๑                    | [THAI_ID_1]
          """)
  void replacesThaiNationalIdsWithAValidCheckDigit(String text, String expected) {
    assertEquals(expected, redact(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // e-mail look-alikes
        "Follow @minichat on X",
        "ราคา 1,500 บาท @ สาขาสยาม",
        "somchai@ or @example.com",
        "user@localhost",
        "version 2.0@beta",
        // numbers that only look like phone numbers
        "66812345678",
        "ปี 2567 และปี 2024",
        "ราคา 1,500 บาท",
        "ราคา (1,500) บาท (ลด 20%)",
        "฿1,250.50 หรือ 15000 บาท",
        "order 1234567890",
        "เลขที่สั่งซื้อ 0123456789",
        "order #20240115-0001",
        "ORD-2024-000123",
        "เปิด 10:30 น. ถึง 20:00 น.",
        "08:30-17:30",
        "วันที่ 15/01/2567",
        "2024-01-15",
        "06-12-2567 12:30",
        "15-01-2024",
        "SKU0812345678",
        "pi is 3.0812345678",
        "0812345678.50",
        "+1500 points",
        "1 2 3 4 5 6 7 8 9 0",
        "บัญชี 123-4-56789-0",
        "tracking EF123456789TH",
        // cards and IDs whose check fails
        "4111 1111 1111 1112",
        "1234 5678 9012 3456",
        "411111111111",
        "1103702071812",
        "1-1037-02071-81-2",
        "110370207181",
        // visitor text without personal data
        "สวัสดีครับ ร้านเปิดกี่โมง",
        "What are your opening hours?"
      })
  void leavesTextWithoutPersonalDataAsTheSameString(String text) {
    assertSame(text, redact(text));
  }

  @Test
  void emptyTextIsReturnedAsItIs() {
    String empty = "";
    PlaceholderVault vault = new PlaceholderVault();

    assertSame(empty, redactor.redact(empty, vault));
    assertEquals(0, vault.size());
  }

  @Test
  void thirteenDigitsPassingBothChecksAreAThaiIdUnlessGroupedLikeACard() {
    // 1709900123451 has a valid Thai-ID check digit and passes the Luhn check too
    assertEquals("[THAI_ID_1]", redact("1709900123451"));
    assertEquals("[THAI_ID_1]", redact("1-7099-00123-45-1"));
    assertEquals("[CARD_1]", redact("1709 9001 2345 1"));
  }

  @Test
  void thirteenDigitsPassingOnlyTheLuhnCheckAreACard() {
    assertEquals("[CARD_1]", redact("1103702071813"));
  }

  @Test
  void runsOfDigitGroupsAreSplitIntoSeveralNumbers() {
    assertEquals("[PHONE_1] [PHONE_2]", redact("081 234 5678 02 123 4567"));
    assertEquals("[PHONE_1] [PHONE_2]", redact("0812345678 0898765432"));
    assertEquals("[PHONE_1] [THAI_ID_1]", redact("0812345678 1103702071811"));
    assertEquals("ref 5 [PHONE_1]", redact("ref 5 081 234 5678"));
  }

  @Test
  void theSameValueGetsTheSamePlaceholderAndKindsAreCountedSeparately() {
    String redacted =
        redact(
            "a@x.co, 081-234-5678, b@y.co, A@X.CO, +66 81 234 5678, 0812345678, 4111111111111111,"
                + " 1103702071811, 02-123-4567");

    assertEquals(
        "[EMAIL_1], [PHONE_1], [EMAIL_2], [EMAIL_1], [PHONE_1], [PHONE_1], [CARD_1],"
            + " [THAI_ID_1], [PHONE_2]",
        redacted);
  }

  @Test
  void numberingContinuesAcrossTheTextsOfOneVault() {
    PlaceholderVault vault = new PlaceholderVault();

    String history = redactor.redact("เบอร์ผม 0812345678 ครับ", vault);
    String question = redactor.redact("โทร 081-234-5678 หรือ 02-123-4567 หรือเมล a@b.co", vault);

    assertEquals("เบอร์ผม [PHONE_1] ครับ", history);
    assertEquals("โทร [PHONE_1] หรือ [PHONE_2] หรือเมล [EMAIL_1]", question);
    assertEquals(3, vault.size());
  }

  @Test
  void aNewVaultCountsFromOneAgain() {
    redactor.redact("a@b.co c@d.co", new PlaceholderVault());

    assertEquals("[EMAIL_1]", redact("e@f.co"));
  }

  @Test
  void redactAllKeepsTheOrderOfTheTexts() {
    PlaceholderVault vault = new PlaceholderVault();

    List<String> redacted =
        redactor.redactAll(List.of("สวัสดีค่ะ", "mail a@b.co", "or c@d.co or a@b.co"), vault);

    assertEquals(List.of("สวัสดีค่ะ", "mail [EMAIL_1]", "or [EMAIL_2] or [EMAIL_1]"), redacted);
  }

  @Test
  void longRunsOfDigitsAndDashesAreHandledInOnePass() {
    // patterns are possessive and a run is split in steps bounded by 19 digits, so these inputs
    // are linear; a backtracking pattern would not finish
    String cards = "4111-1111-1111-1111-".repeat(200);
    assertEquals("[CARD_1]-".repeat(200), redact(cards));

    String dashes = "1-".repeat(2000);
    assertSame(dashes, redact(dashes));

    String digits = "1234567890".repeat(400);
    assertSame(digits, redact(digits));

    String spaced = "+1 ".repeat(1333);
    assertSame(spaced, redact(spaced));

    String phones = "081-234-567".repeat(360);
    assertEquals(3960, phones.length());
    assertSame(phones, redact(phones));
  }

  @Test
  void longEmailLikeTextIsHandledInOnePass() {
    String local = "a".repeat(4000);
    assertSame(local, redact(local));

    String dotted = "a.".repeat(2000) + "@";
    assertSame(dotted, redact(dotted));

    String domain = "a@" + "b.".repeat(2000);
    assertSame(domain, redact(domain));

    String ats = "a@".repeat(2000);
    assertSame(ats, redact(ats));

    String dashedDomain = "a@" + "b-".repeat(2000) + ".c";
    assertSame(dashedDomain, redact(dashedDomain));
  }
}

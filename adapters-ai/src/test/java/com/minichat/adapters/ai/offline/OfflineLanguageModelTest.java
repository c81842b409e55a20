package com.minichat.adapters.ai.offline;

import static com.minichat.adapters.ai.offline.OfflineLanguageModel.GREETING_ENGLISH;
import static com.minichat.adapters.ai.offline.OfflineLanguageModel.GREETING_THAI;
import static com.minichat.adapters.ai.offline.OfflineLanguageModel.UNKNOWN_ENGLISH;
import static com.minichat.adapters.ai.offline.OfflineLanguageModel.UNKNOWN_THAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.text.TextTokenizer;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.WidgetAppearance;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OfflineLanguageModelTest {
  private static final String HOURS_TH = "เปิด 9 โมงถึง 6 โมงเย็น";
  private static final String SHIPPING_TH = "จัดส่งภายใน 2-3 วันทำการ ทั่วประเทศ";
  private static final String PARKING_TH = "มีที่จอดรถฟรีหน้าร้าน 10 คัน";
  private static final String LOCATION_TH = "ร้านอยู่ซอยสุขุมวิท 11 ใกล้ BTS นานา";
  private static final String PAYMENT_TH = "โอนผ่านธนาคาร พร้อมเพย์ หรือบัตรเครดิต";
  private static final String HOURS_EN = "We are open 9am to 6pm, Monday to Saturday.";
  private static final String SHIPPING_EN = "Yes, we ship to most countries in Asia and Europe.";
  private static final String REFUND_EN =
      "Email us within 30 days of delivery and we will refund you in full.";
  private static final String PAYMENT_EN = "We accept Visa, Mastercard, PayPal and bank transfer.";

  /** A shop that answers in both languages, as many Thai businesses do. */
  private static final List<FaqEntry> MIXED_FAQ =
      List.of(
          new FaqEntry("ร้านเปิดกี่โมง", HOURS_TH),
          new FaqEntry("ส่งของกี่วัน", SHIPPING_TH),
          new FaqEntry("มีที่จอดรถไหม", PARKING_TH),
          new FaqEntry("ร้านอยู่ที่ไหน", LOCATION_TH),
          new FaqEntry("จ่ายเงินช่องทางไหนได้บ้าง", PAYMENT_TH),
          new FaqEntry("What are your opening hours?", HOURS_EN),
          new FaqEntry("Do you ship internationally?", SHIPPING_EN),
          new FaqEntry("How can I get a refund?", REFUND_EN),
          new FaqEntry("What payment methods do you accept?", PAYMENT_EN));

  private static final String WELCOME = "สวัสดีค่ะ ยินดีต้อนรับสู่ร้านกาแฟบ้านสวน";

  private static final ProviderEndpoint OFFLINE = ProviderEndpoint.offline();

  private final OfflineLanguageModel model = new OfflineLanguageModel();

  private static Workspace workspace(String welcome, List<FaqEntry> faq) {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    return new Workspace(
        new WorkspaceId("ws-1"),
        "Baan Suan Coffee",
        new UserId("owner-1"),
        new WidgetKey("wk_test"),
        welcome,
        "",
        faq,
        List.of(),
        Workspace.DEFAULT_RETENTION_DAYS,
        now,
        now);
  }

  private String ask(Workspace workspace, String question) {
    ModelReply reply =
        model.complete(
            OFFLINE,
            new ReplyRequest(workspace, List.of(), question, List.of(OFFLINE)),
            TokenSink.NONE);
    assertEquals("offline", reply.model());
    return reply.text();
  }

  private String ask(String question) {
    return ask(workspace(WELCOME, MIXED_FAQ), question);
  }

  @Test
  void thaiQuestionMatchesThaiFaq() {
    Workspace shop = workspace("", List.of(new FaqEntry("ร้านเปิดกี่โมง", HOURS_TH)));

    assertEquals(HOURS_TH, ask(shop, "ร้านเปิดกี่โมงคะ"));
    assertEquals(HOURS_TH, ask(shop, "เปิดร้านตอนกี่โมง"));
    assertEquals(HOURS_TH, ask(shop, "สวัสดีค่ะ ร้านเปิดกี่โมงคะ"));
  }

  @Test
  void englishQuestionMatchesAcrossInflections() {
    Workspace shop =
        workspace(
            "",
            List.of(
                new FaqEntry("What are your opening hours?", HOURS_EN),
                new FaqEntry("Do you ship internationally?", SHIPPING_EN)));

    // opening/open, internationally/international, ship/shipping meet through the stemmer
    assertEquals(HOURS_EN, ask(shop, "When are you open?"));
    assertEquals(HOURS_EN, ask(shop, "What time do you open?"));
    assertEquals(HOURS_EN, ask(shop, "Hello! Are you opened on Saturdays?"));
    assertEquals(SHIPPING_EN, ask(shop, "International shipping?"));
    assertEquals(SHIPPING_EN, ask(shop, "Do you ship to Japan?"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ร้านเปิดกี่โมงคะ | " + HOURS_TH,
        "ร้านปิดกี่โมง | " + HOURS_TH,
        "จัดส่งสินค้าใช้เวลากี่วัน | " + SHIPPING_TH,
        "ส่งของนานไหม | " + SHIPPING_TH,
        "ที่จอดรถมีไหมครับ | " + PARKING_TH,
        "จอดรถได้ไหม | " + PARKING_TH,
        "ร้านอยู่ตรงไหน | " + LOCATION_TH,
        "จ่ายเงินยังไง | " + PAYMENT_TH,
        "รับบัตรเครดิตไหม | " + PAYMENT_TH,
        "opening hours | " + HOURS_EN,
        "Are you open on Sunday? | " + HOURS_EN,
        "How do I get a refund? | " + REFUND_EN,
        "refunds | " + REFUND_EN,
        "Do you accept PayPal? | " + PAYMENT_EN,
        "payment | " + PAYMENT_EN
      })
  void picksTheRightEntryAmongSeveral(String question, String expected) {
    assertEquals(expected, ask(question));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "วันนี้อากาศดีไหม",
        "ขอเบอร์โทรร้านหน่อย",
        "ร้านขายอะไรบ้าง",
        "มีเมนูมังสวิรัติไหม",
        "ค่าส่งเท่าไหร่",
        "เปิดบัญชียังไง",
        "สวัสดีค่ะ ขอเบอร์โทรหน่อย"
      })
  void unrelatedThaiQuestionGetsThaiDontKnow(String question) {
    assertEquals(UNKNOWN_THAI, ask(question));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What's the weather like?",
        "Do you sell shoes?",
        "Can I get a discount?",
        "Is the shop open to kids?",
        "How are you?",
        "Hello, do you have gift cards?"
      })
  void unrelatedEnglishQuestionGetsEnglishDontKnow(String question) {
    assertEquals(UNKNOWN_ENGLISH, ask(question));
  }

  @Test
  void knownLimitsOfLexicalMatchingSayDontKnowRatherThanGuess() {
    // synonyms with no word in common cannot meet: "pay"/"credit card" vs "payment methods"
    assertEquals(UNKNOWN_ENGLISH, ask("Can I pay by credit card?"));
    // a chatty question whose words are mostly not in the FAQ
    assertEquals(
        UNKNOWN_ENGLISH, ask("I would like to know what time your shop opens on weekdays"));
    // a Thai question does not match an English-only FAQ
    Workspace english = workspace("", List.of(new FaqEntry("Opening hours", HOURS_EN)));
    assertEquals(UNKNOWN_THAI, ask(english, "ร้านเปิดกี่โมง"));
  }

  @Test
  void sharingOneThaiBigramIsNotAMatch() {
    Workspace shop = workspace("", List.of(new FaqEntry("ร้านเปิดกี่โมง", HOURS_TH)));
    String question = "โมเดลนี้มีสีอะไรบ้าง";
    // precondition: the texts share a character bigram but no whole word
    Set<String> shared = new HashSet<>(TextTokenizer.tokenize(question));
    shared.retainAll(TextTokenizer.tokenize("ร้านเปิดกี่โมง " + HOURS_TH));
    assertTrue(shared.contains("~โม"), shared.toString());
    assertTrue(shared.stream().allMatch(t -> t.startsWith(TextTokenizer.BIGRAM_PREFIX)));

    assertEquals(UNKNOWN_THAI, ask(shop, question));
  }

  @ParameterizedTest
  @ValueSource(strings = {"สวัสดีค่ะ", "หวัดดีครับ", "hello", "Hi there!", "Good morning :)"})
  void greetingGetsTheWelcomeMessage(String greeting) {
    assertEquals(WELCOME, ask(workspace(WELCOME, List.of()), greeting));
    assertEquals(WELCOME, ask(greeting));
  }

  @Test
  void greetingWithoutWelcomeMessageGetsAPlainGreetingInTheVisitorsLanguage() {
    Workspace bare = workspace("", List.of());

    assertEquals(GREETING_THAI, ask(bare, "สวัสดีครับ"));
    assertEquals(GREETING_ENGLISH, ask(bare, "hey"));
  }

  @Test
  void questionWithoutKnowledgeGetsDontKnow() {
    Workspace bare = workspace("", List.of());

    assertEquals(UNKNOWN_THAI, ask(bare, "ร้านเปิดกี่โมง"));
    assertEquals(UNKNOWN_ENGLISH, ask(bare, "What time do you open?"));
    assertEquals(UNKNOWN_ENGLISH, ask(bare, "?!"));
  }

  @Test
  void aGreetingIsAnsweredWithTheWelcomeOfTheVisitorsLanguage() {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    Workspace bilingual =
        new Workspace(
            new WorkspaceId("ws-2"),
            "Baan Suan Coffee",
            new UserId("owner-1"),
            new WidgetKey("wk_test2"),
            "Welcome!",
            "",
            List.of(),
            List.of(),
            Workspace.DEFAULT_RETENTION_DAYS,
            false,
            null,
            Map.of("th", WELCOME),
            WidgetAppearance.DEFAULT,
            Plan.UNLIMITED,
            null,
            now,
            now);

    assertEquals(WELCOME, ask(bilingual, "สวัสดีค่ะ"));
    assertEquals("Welcome!", ask(bilingual, "hello"));
  }

  @Test
  void welcomeMessageIsKnowledgeToo() {
    String welcome = "Welcome to Ann's Bakery! We bake fresh sourdough bread every morning.";
    Workspace bakery = workspace(welcome, List.of(new FaqEntry("Opening hours", HOURS_EN)));

    assertEquals(welcome, ask(bakery, "Do you bake sourdough?"));
    assertEquals(HOURS_EN, ask(bakery, "opening hours?"));
  }

  @Test
  void answerIsReturnedVerbatim() {
    String answer = "Line one\n  • *Bold* <b>not html-escaped</b>\n฿1,200 — ราคารวม VAT แล้ว";
    Workspace shop = workspace("", List.of(new FaqEntry("ราคาเท่าไหร่", answer)));

    assertEquals(answer, ask(shop, "ราคาเท่าไหร่คะ"));
  }

  @Test
  void tiesGoToTheFirstEntryAndRepliesAreDeterministic() {
    Workspace shop =
        workspace(
            "",
            List.of(
                new FaqEntry("Opening hours", "first"), new FaqEntry("Opening hours", "second")));

    for (int i = 0; i < 3; i++) {
      assertEquals("first", ask(shop, "opening hours"));
    }
  }

  @Test
  void editedFaqIsAnsweredFromTheNewContent() {
    assertEquals(
        "9-18", ask(workspace("", List.of(new FaqEntry("Opening hours", "9-18"))), "hours"));
    assertEquals(
        "10-20", ask(workspace("", List.of(new FaqEntry("Opening hours", "10-20"))), "hours"));
  }

  @Test
  void worksWithoutACache() {
    OfflineLanguageModel uncached = new OfflineLanguageModel(0);
    Workspace shop = workspace("", List.of(new FaqEntry("ร้านเปิดกี่โมง", HOURS_TH)));

    for (int i = 0; i < 3; i++) {
      ModelReply reply =
          uncached.complete(
              OFFLINE,
              new ReplyRequest(shop, List.of(), "ร้านเปิดกี่โมงคะ", List.of(OFFLINE)),
              TokenSink.NONE);
      assertEquals(HOURS_TH, reply.text());
    }
  }

  @Test
  void largestAllowedFaqIsAnsweredQuickly() {
    List<FaqEntry> faq = new ArrayList<>();
    for (int i = 0; i < Workspace.MAX_FAQ_ENTRIES; i++) {
      String answer = ("รายละเอียดสินค้ารุ่นที่ " + i + " product details " + i + ". ").repeat(80);
      faq.add(new FaqEntry("สินค้ารุ่น " + i + " ราคาเท่าไหร่ model " + i + " price", answer));
    }
    faq.set(123, new FaqEntry("ร้านเปิดกี่โมง", HOURS_TH));
    Workspace big = workspace(WELCOME, faq);
    assertTrue(faq.get(199).answer().length() > 3500);

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ask(big, "warm up"));
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () -> {
          for (int i = 0; i < 100; i++) {
            assertEquals(HOURS_TH, ask(big, "ร้านเปิดกี่โมงคะ"));
          }
        });
  }

  @Test
  void greetingDetection() {
    assertTrue(OfflineLanguageModel.isGreetingOnly("สวัสดีค่ะ"));
    assertTrue(OfflineLanguageModel.isGreetingOnly("HELLO!!"));
    assertFalse(OfflineLanguageModel.isGreetingOnly("hello, what time do you open?"));
    assertFalse(OfflineLanguageModel.isGreetingOnly("สวัสดีครับ ร้านเปิดกี่โมง"));
    assertFalse(OfflineLanguageModel.isGreetingOnly("this is nice"));
    assertFalse(OfflineLanguageModel.isGreetingOnly("please"));
  }
}

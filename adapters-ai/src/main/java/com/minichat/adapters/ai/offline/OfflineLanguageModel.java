package com.minichat.adapters.ai.offline;

import com.minichat.adapters.ai.provider.ProviderClient;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.text.TextTokenizer;
import com.minichat.domain.user.Language;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.Workspace;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built-in offline answerer: replies from the workspace's own FAQ and welcome message by
 * lexical matching, with no network and no model weights. It never makes an answer up: it returns
 * an FAQ answer (or the welcome message) word for word, or says plainly that it does not know, in
 * Thai when the question contains Thai letters and in English otherwise.
 *
 * <p>Matching uses {@link TextTokenizer} (Thai word segmentation plus character bigrams, English
 * words with plurals folded) and a light English stemmer, then TF-IDF cosine similarity (see {@link
 * KnowledgeIndex}). A reply needs a score of at least {@value #MIN_SCORE} and at least half of the
 * question's whole words found in the entry, so that a single shared Thai bigram or one shared
 * common word does not trigger an unrelated answer. It errs on the side of "I don't know": a long,
 * chatty question whose words are mostly not in the FAQ gets no answer.
 *
 * <p>What it cannot do, by design: synonyms and paraphrases with no word in common ("When do you
 * open?" does not meet "Business hours"; "ค่าส่ง" does not meet "ค่าจัดส่ง" unless the words
 * overlap), cross-language matches (a Thai question never matches an English FAQ), and follow-up
 * questions that depend on earlier messages (the history is ignored). The reply is a pure,
 * deterministic function of the request; per-workspace indexes are cached to keep it fast.
 */
public final class OfflineLanguageModel implements ProviderClient {
  /** The model name reported with every reply. */
  public static final String MODEL_NAME = "offline";

  /** Workspaces whose index is kept when no cache size is given. */
  public static final int DEFAULT_CACHE_SIZE = 64;

  /** Lowest TF-IDF cosine similarity accepted as an answer; tuned on the cases in the tests. */
  static final double MIN_SCORE = 0.3;

  /**
   * Smallest share of the question's distinct whole words (after dropping filler) that the FAQ
   * entry must contain: one topic word shared by chance ("shop" in "Is the shop open to kids?") is
   * not enough when the rest of the question is about something the FAQ does not cover.
   */
  static final double MIN_WORD_COVERAGE = 0.5;

  static final String UNKNOWN_THAI =
      "ขออภัย ฉันยังไม่มีข้อมูลเรื่องนี้ ลองถามคำถามอื่น หรือรอทีมงานติดต่อกลับนะคะ";
  static final String UNKNOWN_ENGLISH =
      "Sorry, I don't know the answer to that yet. Try asking another way, or our team will get"
          + " back to you.";
  static final String GREETING_THAI = "สวัสดีค่ะ มีอะไรให้ช่วยไหมคะ";
  static final String GREETING_ENGLISH = "Hello! How can I help you?";

  /** Greeting words and phrases; Thai is matched anywhere since it is written without spaces. */
  private static final Pattern GREETING =
      Pattern.compile(
          "สวัสดี|หวัดดี"
              + "|\\b(?:hello|hi|hey|hiya|howdy|greetings|sawa(?:s|t)?dee"
              + "|good\\s+(?:morning|afternoon|evening|day))\\b");

  private final Map<Knowledge, KnowledgeIndex> indexes;

  /**
   * Creates the answerer, caching the indexes of the {@value #DEFAULT_CACHE_SIZE} most recent
   * workspaces.
   */
  public OfflineLanguageModel() {
    this(DEFAULT_CACHE_SIZE);
  }

  /**
   * Creates the answerer.
   *
   * @param cacheSize how many workspaces' indexes to keep (least recently used go first); 0
   *     rebuilds the index for every question
   */
  public OfflineLanguageModel(int cacheSize) {
    if (cacheSize < 0) {
      throw new IllegalArgumentException("cache size must not be negative");
    }
    this.indexes =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<Knowledge, KnowledgeIndex> eldest) {
                return size() > cacheSize;
              }
            });
  }

  @Override
  public ProviderType type() {
    return ProviderType.OFFLINE;
  }

  /** The whole answer at once, as one piece: it is ready in microseconds. */
  @Override
  public ModelReply complete(ProviderEndpoint endpoint, ReplyRequest request, TokenSink sink) {
    String text = answer(request.workspace(), request.question());
    sink.token(text);
    return new ModelReply(text, ProviderType.OFFLINE, MODEL_NAME, 0, 0);
  }

  private String answer(Workspace workspace, String question) {
    boolean thai = TextTokenizer.containsThai(question);
    if (isGreetingOnly(question)) {
      String welcome = workspace.welcomeFor(thai ? Language.THAI : Language.ENGLISH);
      return !welcome.isBlank() ? welcome : thai ? GREETING_THAI : GREETING_ENGLISH;
    }
    // a greeting in front of a question is not part of what is asked
    String asked = GREETING.matcher(normalise(question)).replaceAll(" ");
    Optional<KnowledgeIndex.Match> match =
        index(workspace).bestMatch(asked, MIN_SCORE, MIN_WORD_COVERAGE);
    return match.map(KnowledgeIndex.Match::answer).orElse(thai ? UNKNOWN_THAI : UNKNOWN_ENGLISH);
  }

  /** Whether the message only greets: a greeting word and nothing meaningful besides. */
  static boolean isGreetingOnly(String question) {
    String text = normalise(question);
    if (!GREETING.matcher(text).find()) {
      return false;
    }
    // what remains once greetings go: polite particles and filler are stop words of the tokenizer
    String rest = GREETING.matcher(text).replaceAll(" ");
    return KnowledgeIndex.wholeWords(TextTokenizer.tokenize(rest)).isEmpty();
  }

  /**
   * The index of the workspace's current knowledge. Tokenising a large FAQ (Thai segmentation in
   * particular) takes far longer than matching, so indexes are cached; the key is the content
   * itself, so an edited FAQ is never answered from a stale index.
   */
  private KnowledgeIndex index(Workspace workspace) {
    Knowledge knowledge = new Knowledge(workspace.welcomeMessage(), workspace.faq());
    KnowledgeIndex index = indexes.get(knowledge);
    if (index == null) {
      // built outside the lock: two threads may build the same index once, which is harmless
      index = KnowledgeIndex.build(knowledge.welcomeMessage(), knowledge.faq());
      indexes.put(knowledge, index);
    }
    return index;
  }

  private static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** What the answers depend on: the cache key. */
  private record Knowledge(String welcomeMessage, List<FaqEntry> faq) {}
}

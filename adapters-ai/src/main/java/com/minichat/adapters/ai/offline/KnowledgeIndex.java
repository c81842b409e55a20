package com.minichat.adapters.ai.offline;

import com.minichat.domain.text.TextTokenizer;
import com.minichat.domain.workspace.FaqEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TF-IDF vectors of one workspace's knowledge: each FAQ entry is a document, and so is the welcome
 * message when there is one. Immutable once built, so it can be shared between threads.
 *
 * <p>A question is scored against each document twice, by cosine similarity: against the FAQ
 * question (what the visitor most likely paraphrases) and, discounted by {@value
 * #ANSWER_MATCH_FACTOR}, against the answer (a visitor may use the answer's words, as in "do you
 * take credit cards?" for an answer listing them). Scoring the answer separately keeps a long
 * answer from diluting a good question match. IDF is computed over all documents, question and
 * answer words together. Thai character bigrams count half as much as whole words: they rescue
 * words the dictionary does not know, but two unrelated Thai texts share some bigrams by chance.
 */
final class KnowledgeIndex {
  /** How much a Thai character bigram counts compared with a whole word. */
  static final double BIGRAM_WEIGHT = 0.5;

  /**
   * Discount of a match found through the answer text rather than the question: the question is
   * what a visitor paraphrases, so its words weigh more than the answer's.
   */
  static final double ANSWER_MATCH_FACTOR = 0.8;

  /**
   * Words that the domain tokenizer keeps but that say nothing about which FAQ entry is meant:
   * generic verbs and fillers of questions ("can I <b>get</b> …", "<b>มี</b> … ไหม"). Without them
   * a question would match any entry sharing only such a word.
   */
  private static final Set<String> GENERIC_WORDS =
      Set.of(
          "get",
          "got",
          "want",
          "need",
          "know",
          "tell",
          "like",
          "about",
          "any",
          "some",
          "there",
          "here",
          "when",
          "where",
          "why",
          "who",
          "which",
          "also",
          "just",
          "more",
          "very",
          "should",
          "may",
          "might",
          "must",
          "shall",
          "am",
          "been",
          "being",
          "from",
          "by",
          "as",
          "if",
          "so",
          "not",
          "no",
          "yes",
          "all",
          "our",
          "us",
          "they",
          "them",
          "their",
          "he",
          "she",
          "his",
          "her",
          "its",
          "let",
          "much",
          "many",
          "thank",
          "thanks",
          "ok",
          "okay",
          "help",
          "question",
          "ask",
          "anyone",
          "someone",
          "มี",
          "อยาก",
          "ต้องการ",
          "สอบถาม",
          "ถาม",
          "ช่วย",
          "บอก",
          "ทราบ",
          "รู้",
          "ครับผม",
          "นะคะ",
          "นะครับ",
          "คร้าบ",
          "จ๊ะ");

  /**
   * Polite particles closing a Thai phrase ("ราคาเท่าไหร่คะ"). The JDK's dictionary segmenter often
   * mis-cuts the word before them ("เท่า", "ไหร่คะ"), so they are removed before tokenising. Only
   * particles that no ordinary word ends with are listed (not "นะ", which ends "ชนะ").
   */
  private static final Pattern TRAILING_PARTICLES =
      Pattern.compile("(?:ครับผม|ครับ|คับ|ค่ะ|คะ|จ้า|จ้ะ|ฮะ)+(?![\\u0E01-\\u0E5B])");

  private final List<Document> documents;
  private final Map<String, Double> idf;
  private final double unseenIdf;

  private KnowledgeIndex(List<Document> documents, Map<String, Double> idf, double unseenIdf) {
    this.documents = documents;
    this.idf = idf;
    this.unseenIdf = unseenIdf;
  }

  /** Indexes the FAQ entries, in order, then the welcome message if it is not blank. */
  static KnowledgeIndex build(String welcomeMessage, List<FaqEntry> faq) {
    List<String> answers = new ArrayList<>();
    List<Map<String, Double>> questionCounts = new ArrayList<>();
    List<Map<String, Double>> answerCounts = new ArrayList<>();
    for (FaqEntry entry : faq) {
      answers.add(entry.answer());
      questionCounts.add(counts(terms(entry.question())));
      answerCounts.add(counts(terms(entry.answer())));
    }
    boolean hasWelcome = welcomeMessage != null && !welcomeMessage.isBlank();
    if (hasWelcome) {
      answers.add(welcomeMessage);
      questionCounts.add(Map.of());
      answerCounts.add(counts(terms(welcomeMessage)));
    }

    int n = answers.size();
    Map<String, Integer> documentFrequency = new HashMap<>();
    List<Set<String>> documentTerms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Set<String> terms = new HashSet<>(questionCounts.get(i).keySet());
      terms.addAll(answerCounts.get(i).keySet());
      terms.forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
      documentTerms.add(terms);
    }
    Map<String, Double> idf = new HashMap<>();
    documentFrequency.forEach((term, df) -> idf.put(term, idf(n, df)));
    double unseenIdf = idf(n, 0);

    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      documents.add(
          new Document(
              answers.get(i),
              Vector.of(questionCounts.get(i), idf, unseenIdf),
              Vector.of(answerCounts.get(i), idf, unseenIdf),
              wholeWords(documentTerms.get(i))));
    }
    return new KnowledgeIndex(List.copyOf(documents), Map.copyOf(idf), unseenIdf);
  }

  /**
   * The document that answers {@code question} best among those that score at least {@code
   * minScore} and contain at least {@code minCoverage} (a fraction) of the question's distinct
   * whole words. Ties go to the earlier FAQ entry.
   */
  Optional<Match> bestMatch(String question, double minScore, double minCoverage) {
    List<String> terms = terms(question);
    Vector query = Vector.of(counts(terms), idf, unseenIdf);
    Set<String> queryWords = wholeWords(terms);
    if (query.isEmpty() || queryWords.isEmpty()) {
      return Optional.empty();
    }
    Match best = null;
    for (Document document : documents) {
      double coverage = (double) shared(queryWords, document.words()) / queryWords.size();
      if (coverage < minCoverage || coverage == 0) {
        continue;
      }
      double score =
          Math.max(
              query.cosine(document.question()),
              ANSWER_MATCH_FACTOR * query.cosine(document.answerVector()));
      if (score >= minScore && (best == null || score > best.score())) {
        best = new Match(document.answer(), score);
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Search terms of {@code text}: the domain tokenizer's tokens without generic words, English
   * words stemmed, after polite particles at the end of Thai runs are cut off.
   */
  static List<String> terms(String text) {
    List<String> tokens = TextTokenizer.tokenize(TRAILING_PARTICLES.matcher(text).replaceAll(""));
    List<String> terms = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      if (isBigram(token)) {
        terms.add(token);
      } else if (!GENERIC_WORDS.contains(token)) {
        terms.add(EnglishStemmer.stem(token));
      }
    }
    return terms;
  }

  /** Whole words (not Thai character bigrams) among {@code terms}. */
  static Set<String> wholeWords(Iterable<String> terms) {
    Set<String> words = new HashSet<>();
    for (String term : terms) {
      if (!isBigram(term)) {
        words.add(term);
      }
    }
    return words;
  }

  private static boolean isBigram(String term) {
    return term.startsWith(TextTokenizer.BIGRAM_PREFIX);
  }

  /** Term frequencies, a Thai bigram counting {@value #BIGRAM_WEIGHT} of a word. */
  private static Map<String, Double> counts(List<String> terms) {
    Map<String, Double> counts = new HashMap<>();
    for (String term : terms) {
      counts.merge(term, isBigram(term) ? BIGRAM_WEIGHT : 1.0, Double::sum);
    }
    return counts;
  }

  /** Smoothed inverse document frequency; a term found nowhere gets the highest value. */
  private static double idf(int documents, int documentFrequency) {
    return Math.log((documents + 1.0) / (documentFrequency + 1.0)) + 1.0;
  }

  private static int shared(Set<String> words, Set<String> documentWords) {
    int shared = 0;
    for (String word : words) {
      if (documentWords.contains(word)) {
        shared++;
      }
    }
    return shared;
  }

  /**
   * The best document for a question.
   *
   * @param answer the text to reply with: an FAQ answer or the welcome message
   * @param score similarity between 0 and 1
   */
  record Match(String answer, double score) {}

  private record Document(String answer, Vector question, Vector answerVector, Set<String> words) {}

  /** A sparse TF-IDF vector with its length; term frequency is damped as ln(1 + tf). */
  private record Vector(Map<String, Double> weights, double norm) {
    static Vector of(Map<String, Double> counts, Map<String, Double> idf, double unseenIdf) {
      Map<String, Double> weights = new HashMap<>();
      double sumOfSquares = 0;
      for (Map.Entry<String, Double> entry : counts.entrySet()) {
        double weight = Math.log1p(entry.getValue()) * idf.getOrDefault(entry.getKey(), unseenIdf);
        weights.put(entry.getKey(), weight);
        sumOfSquares += weight * weight;
      }
      return new Vector(Map.copyOf(weights), Math.sqrt(sumOfSquares));
    }

    boolean isEmpty() {
      return norm == 0;
    }

    double cosine(Vector other) {
      if (norm == 0 || other.norm == 0) {
        return 0;
      }
      Map<String, Double> small = weights.size() <= other.weights.size() ? weights : other.weights;
      Map<String, Double> large = small == weights ? other.weights : weights;
      double dot = 0;
      for (Map.Entry<String, Double> entry : small.entrySet()) {
        Double match = large.get(entry.getKey());
        if (match != null) {
          dot += entry.getValue() * match;
        }
      }
      return dot / (norm * other.norm);
    }
  }
}

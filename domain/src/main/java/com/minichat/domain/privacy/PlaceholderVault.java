package com.minichat.domain.privacy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The placeholders handed out while preparing one reply and the personal data behind them.
 *
 * <p>Create one vault per reply, redact the conversation's history and the new question with it
 * (see {@link PersonalDataRedactor}), send the redacted texts to the AI provider, put the originals
 * back into the answer with {@link #restore} or a {@link StreamingRestorer}, then drop the vault.
 * It is kept in memory only and is not thread-safe: one reply is prepared by one thread at a time.
 *
 * <p>Only placeholders this vault handed out are ever restored. Placeholder-like text the visitor
 * typed is <em>reserved</em> when it is redacted: its number is never handed out, so a model
 * repeating it gets it back verbatim rather than someone's address. If the visitor types the name
 * of a placeholder the vault already handed out for an earlier text, the typed text is itself
 * hidden behind a {@code [TEXT_n]} placeholder that restores to exactly what was typed.
 *
 * <p>Models sometimes mangle placeholders. Between both square brackets the kind is recognised in
 * any case, with {@code _}, a space, {@code -}, a Markdown-escaped {@code \_} or nothing before the
 * number, a space inside either bracket, and Markdown-escaped brackets: {@code [email 1]}, {@code
 * [Thai-ID 1]}, {@code \[EMAIL\_1\]}. Without both brackets only the exact spelling counts ({@code
 * EMAIL_1}, {@code [EMAIL_1}, {@code EMAIL_1]}), and only when no Latin letter, digit or underscore
 * touches it, since a bare {@code email 1} is ordinary prose. The number must match exactly: {@code
 * [EMAIL_12]} is not {@code [EMAIL_1]}. Restoring a loosely spelled placeholder is safe because the
 * original only goes back into the conversation it came from, whereas a placeholder left standing
 * is a visible defect.
 */
public final class PlaceholderVault {
  private final Map<Placeholder, String> originals = new HashMap<>();
  private final Map<String, Placeholder> byValue = new HashMap<>();
  private final Set<Placeholder> reserved = new HashSet<>();
  private final Map<PlaceholderKind, Integer> lastNumber = new EnumMap<>(PlaceholderKind.class);

  /** An empty vault for one reply. */
  public PlaceholderVault() {}

  /** How many placeholders were handed out. */
  public int size() {
    return originals.size();
  }

  /** Whether no personal data was redacted, so there is nothing to restore. */
  public boolean isEmpty() {
    return originals.isEmpty();
  }

  /**
   * {@code text} with every placeholder this vault handed out replaced by its original, also in the
   * mangled spellings described above; placeholders it did not hand out are left as they are.
   * Returns {@code text} itself when nothing was replaced.
   */
  public String restore(String text) {
    Objects.requireNonNull(text, "text");
    if (originals.isEmpty()) {
      return text;
    }
    StringBuilder restored = new StringBuilder(text.length());
    restoreInto(text, 0, true, restored);
    String result = restored.toString();
    return result.equals(text) ? text : result;
  }

  /**
   * Restores {@code text} from {@code from} into {@code out} and returns where the text that was
   * not written starts: the start of a placeholder that the next piece of a streamed answer could
   * still complete or change, or the text's length when {@code complete} or nothing is pending.
   * Characters before {@code from} are read only as context for the placeholder's boundaries.
   */
  int restoreInto(CharSequence text, int from, boolean complete, StringBuilder out) {
    // with nothing to restore, no placeholder is worth waiting for
    boolean holdBack = !complete && !originals.isEmpty();
    int end = text.length();
    Matcher match = PlaceholderSyntax.PATTERN.matcher(text);
    match.useTransparentBounds(true).useAnchoringBounds(false);
    int position = from;
    while (position < end) {
      match.region(position, end);
      boolean found = match.find();
      if (holdBack && match.hitEnd()) {
        int unfinished = unfinishedStart(text, position);
        if (unfinished < end && (!found || unfinished <= match.start())) {
          out.append(text, position, unfinished);
          return unfinished;
        }
      }
      if (!found) {
        break;
      }
      out.append(text, position, match.start());
      String original = originals.get(PlaceholderSyntax.placeholder(match));
      out.append(original != null ? original : match.group());
      position = match.end();
    }
    out.append(text, position, end);
    return end;
  }

  /** The first position whose placeholder match reads up to the end of the text, else its end. */
  private static int unfinishedStart(CharSequence text, int from) {
    int end = text.length();
    Matcher attempt = PlaceholderSyntax.PATTERN.matcher(text);
    attempt.useTransparentBounds(true).useAnchoringBounds(false);
    for (int start = Math.max(from, end - PlaceholderSyntax.MAX_LENGTH); start < end; start++) {
      attempt.region(start, end);
      attempt.lookingAt();
      if (attempt.hitEnd()) {
        return start;
      }
    }
    return end;
  }

  /** Marks a placeholder the visitor typed so it is never handed out, unless it already was. */
  void reserve(Placeholder typed) {
    if (!originals.containsKey(typed)) {
      reserved.add(typed);
    }
  }

  /** Whether this vault handed out {@code placeholder}. */
  boolean handedOut(Placeholder placeholder) {
    return originals.containsKey(placeholder);
  }

  /**
   * The placeholder for a value of {@code kind} whose normalised form is {@code key}: the one
   * already handed out for that value, else the next free number, remembering {@code original}.
   */
  Placeholder placeholderFor(PlaceholderKind kind, String key, String original) {
    Placeholder known = byValue.get(kind.name() + ':' + key);
    if (known != null) {
      return known;
    }
    int number = lastNumber.getOrDefault(kind, 0);
    Placeholder fresh;
    do {
      number++;
      fresh = new Placeholder(kind, number);
    } while (reserved.contains(fresh));
    lastNumber.put(kind, number);
    originals.put(fresh, original);
    byValue.put(kind.name() + ':' + key, fresh);
    return fresh;
  }

  /** Describes the vault without revealing any personal data, so it is safe to log. */
  @Override
  public String toString() {
    return "PlaceholderVault[" + originals.size() + " placeholders]";
  }
}

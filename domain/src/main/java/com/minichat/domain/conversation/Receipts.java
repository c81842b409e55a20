package com.minichat.domain.conversation;

import java.time.Instant;

/**
 * How far each side of a conversation has received and read the other's messages, as times:
 * everything written up to a mark counts as delivered or seen. Marks only move forward, and seeing
 * a message implies it was delivered.
 *
 * @param visitorDeliveredUpTo the visitor's device has the messages up to this time
 * @param visitorSeenUpTo the visitor has seen the messages up to this time
 * @param teamDeliveredUpTo a team member's dashboard has the messages up to this time
 * @param teamSeenUpTo a team member has seen the messages up to this time
 */
public record Receipts(
    Instant visitorDeliveredUpTo,
    Instant visitorSeenUpTo,
    Instant teamDeliveredUpTo,
    Instant teamSeenUpTo) {
  /** Nothing delivered or seen yet. */
  public static final Receipts NONE = new Receipts(null, null, null, null);

  /** Which receipt a client reports. */
  public enum Kind {
    DELIVERED,
    SEEN
  }

  /** The marks after the visitor reported {@code kind} up to {@code upTo}. */
  public Receipts byVisitor(Kind kind, Instant upTo) {
    Instant seen = kind == Kind.SEEN ? later(visitorSeenUpTo, upTo) : visitorSeenUpTo;
    return new Receipts(
        later(later(visitorDeliveredUpTo, upTo), seen), seen, teamDeliveredUpTo, teamSeenUpTo);
  }

  /** The marks after a team member reported {@code kind} up to {@code upTo}. */
  public Receipts byTeam(Kind kind, Instant upTo) {
    Instant seen = kind == Kind.SEEN ? later(teamSeenUpTo, upTo) : teamSeenUpTo;
    return new Receipts(
        visitorDeliveredUpTo, visitorSeenUpTo, later(later(teamDeliveredUpTo, upTo), seen), seen);
  }

  private static Instant later(Instant current, Instant candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || candidate.isAfter(current) ? candidate : current;
  }
}

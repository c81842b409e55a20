package com.minichat.domain.workspace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a workspace may use, all limits in one place. {@link #UNLIMITED} has no limits and is the
 * default of a self-hosted installation; an operator who sells plans chooses the plan of new
 * workspaces ({@code DEFAULT_PLAN}). Documents and storage are limits of the knowledge base.
 */
public enum Plan {
  FREE(1_000, 2, 10, 20L * 1024 * 1024),
  PRO(10_000, 10, 200, 1024L * 1024 * 1024),
  BUSINESS(100_000, 50, 2_000, 10L * 1024 * 1024 * 1024),
  UNLIMITED(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

  private final long messagesPerMonth;
  private final long members;
  private final long documents;
  private final long storageBytes;

  Plan(long messagesPerMonth, long members, long documents, long storageBytes) {
    this.messagesPerMonth = messagesPerMonth;
    this.members = members;
    this.documents = documents;
    this.storageBytes = storageBytes;
  }

  /** Visitor messages a month ({@link Long#MAX_VALUE}: no limit). */
  public long messagesPerMonth() {
    return messagesPerMonth;
  }

  /** People in the team, owner and pending invitations included ({@link Long#MAX_VALUE}: none). */
  public long members() {
    return members;
  }

  /** Knowledge-base documents ({@link Long#MAX_VALUE}: no limit). */
  public long documents() {
    return documents;
  }

  /** Bytes of uploaded knowledge ({@link Long#MAX_VALUE}: no limit). */
  public long storageBytes() {
    return storageBytes;
  }

  /** Whether {@code limit} is a real limit. */
  public static boolean isLimited(long limit) {
    return limit != Long.MAX_VALUE;
  }

  /** The name clients use: {@code free}, {@code pro}, {@code business}, {@code unlimited}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The plan called {@code id} (any case, surrounding spaces ignored). */
  public static Optional<Plan> parse(String id) {
    return id == null
        ? Optional.empty()
        : Arrays.stream(values())
            .filter(plan -> plan.id().equals(id.strip().toLowerCase(Locale.ROOT)))
            .findFirst();
  }
}

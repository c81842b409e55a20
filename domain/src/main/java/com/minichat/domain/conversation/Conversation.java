package com.minichat.domain.conversation;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/**
 * A chat between one visitor and a workspace (its bot and team).
 *
 * @param status open (needs an answer), pending (waiting on the visitor) or closed
 * @param visitor what the visitor told about themselves
 * @param aiPaused whether a person took over: the bot stays silent until released
 * @param humanRequested whether the visitor asked for a person and no one has answered yet
 * @param receipts how far each side has received and seen the other's messages
 * @param assigneeId the team member responsible for the conversation; {@code null} for nobody
 */
public record Conversation(
    ConversationId id,
    WorkspaceId workspaceId,
    VisitorId visitorId,
    ConversationStatus status,
    VisitorProfile visitor,
    boolean aiPaused,
    boolean humanRequested,
    Receipts receipts,
    UserId assigneeId,
    Instant createdAt,
    Instant updatedAt) {

  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(status, "status");
    visitor = visitor == null ? VisitorProfile.ANONYMOUS : visitor;
    receipts = receipts == null ? Receipts.NONE : receipts;
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Starts a new open conversation with an anonymous visitor. */
  public static Conversation start(WorkspaceId workspaceId, VisitorId visitorId, Instant now) {
    return new Conversation(
        ConversationId.generate(),
        workspaceId,
        visitorId,
        ConversationStatus.OPEN,
        VisitorProfile.ANONYMOUS,
        false,
        false,
        Receipts.NONE,
        null,
        now,
        now);
  }

  /** The same conversation with another status. */
  public Conversation withStatus(ConversationStatus newStatus, Instant now) {
    return changed(newStatus, visitor, aiPaused, humanRequested, receipts, assigneeId, now);
  }

  /** After the visitor wrote: a pending or closed conversation needs an answer again. */
  public Conversation visitorWrote(Instant now) {
    return withStatus(ConversationStatus.OPEN, now);
  }

  /** A person of the team answered: the bot pauses and the request for a human is met. */
  public Conversation humanAnswered(Instant now) {
    return changed(status, visitor, true, false, receipts, assigneeId, now);
  }

  /** The team hands the conversation back to the bot (or takes it without writing). */
  public Conversation withAiPaused(boolean paused, Instant now) {
    return changed(status, visitor, paused, humanRequested, receipts, assigneeId, now);
  }

  /** The visitor asked to talk to a person; the conversation needs an answer. */
  public Conversation humanWanted(Instant now) {
    return changed(ConversationStatus.OPEN, visitor, aiPaused, true, receipts, assigneeId, now);
  }

  /** The visitor told who they are. */
  public Conversation identified(VisitorProfile profile, Instant now) {
    return changed(status, profile, aiPaused, humanRequested, receipts, assigneeId, now);
  }

  /** The conversation handed to {@code member}; {@code null} leaves it to nobody. */
  public Conversation assignedTo(UserId member, Instant now) {
    return changed(status, visitor, aiPaused, humanRequested, receipts, member, now);
  }

  /** The conversation with updated receipts. */
  public Conversation withReceipts(Receipts newReceipts, Instant now) {
    return changed(status, visitor, aiPaused, humanRequested, newReceipts, assigneeId, now);
  }

  /** This conversation with its changeable parts as given, updated at {@code now}. */
  private Conversation changed(
      ConversationStatus newStatus,
      VisitorProfile newVisitor,
      boolean paused,
      boolean wanted,
      Receipts newReceipts,
      UserId assignee,
      Instant now) {
    return new Conversation(
        id,
        workspaceId,
        visitorId,
        newStatus,
        newVisitor,
        paused,
        wanted,
        newReceipts,
        assignee,
        createdAt,
        now);
  }
}

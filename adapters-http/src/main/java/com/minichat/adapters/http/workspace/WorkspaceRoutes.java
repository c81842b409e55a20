package com.minichat.adapters.http.workspace;

import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.support.Requests;
import com.minichat.application.port.in.workspace.ChangePlanUseCase;
import com.minichat.application.port.in.workspace.CreateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.DeleteWorkspaceUseCase;
import com.minichat.application.port.in.workspace.MemberWorkspace;
import com.minichat.application.port.in.workspace.QueryUsageUseCase;
import com.minichat.application.port.in.workspace.QueryWorkspacesUseCase;
import com.minichat.application.port.in.workspace.UpdateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.WidgetPinUseCase;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.application.port.in.workspace.WorkspaceUsage;
import com.minichat.domain.access.Actor;
import com.minichat.domain.usage.Usd;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.AiPolicy;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.WidgetAppearance;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Workspace creation, listing, reading, settings, deletion and restore. */
public final class WorkspaceRoutes {
  private static final long RESTORABLE_DAYS = 30;

  private final CreateWorkspaceUseCase create;
  private final UpdateWorkspaceUseCase update;
  private final QueryWorkspacesUseCase query;
  private final DeleteWorkspaceUseCase delete;
  private final ChangePlanUseCase plans;
  private final QueryUsageUseCase usage;
  private final WidgetPinUseCase pins;
  private final Actors actors;
  private final JsonBody body;
  private final Envelope envelope;

  public WorkspaceRoutes(
      CreateWorkspaceUseCase create,
      UpdateWorkspaceUseCase update,
      QueryWorkspacesUseCase query,
      DeleteWorkspaceUseCase delete,
      ChangePlanUseCase plans,
      QueryUsageUseCase usage,
      WidgetPinUseCase pins,
      Actors actors,
      JsonBody body,
      Envelope envelope) {
    this.create = create;
    this.update = update;
    this.query = query;
    this.delete = delete;
    this.plans = plans;
    this.usage = usage;
    this.pins = pins;
    this.actors = actors;
    this.body = body;
    this.envelope = envelope;
  }

  /** A workspace in the caller's list, with the caller's role. */
  public record MemberWorkspaceResponse(WorkspaceResponse workspace, String role) {
    /** The response for a workspace and the caller's role in it. */
    public static MemberWorkspaceResponse from(MemberWorkspace member) {
      return new MemberWorkspaceResponse(
          WorkspaceResponse.from(member.workspace()),
          member.role().name().toLowerCase(Locale.ROOT));
    }
  }

  /** One FAQ entry in requests and responses. */
  public record FaqEntryDto(String question, String answer) {
    static FaqEntryDto from(FaqEntry entry) {
      return new FaqEntryDto(entry.question(), entry.answer());
    }
  }

  /** The widget's look in requests; absent fields take the defaults. */
  public record AppearanceRequest(
      String primaryColor, String position, String theme, String title, String avatarUrl) {

    WidgetAppearance toAppearance() {
      return new WidgetAppearance(primaryColor, position, theme, title, avatarUrl);
    }
  }

  /**
   * The widget's look in responses, with the text colour that stays readable on the accent colour.
   */
  public record AppearanceResponse(
      String primaryColor,
      String textColor,
      String position,
      String theme,
      String title,
      String avatarUrl) {

    /** The response for {@code appearance}. */
    public static AppearanceResponse from(WidgetAppearance appearance) {
      return new AppearanceResponse(
          appearance.primaryColor(),
          appearance.textColor(),
          appearance.position(),
          appearance.theme(),
          appearance.title(),
          appearance.avatarUrl());
    }
  }

  /**
   * What the bot may do, in requests and responses; in a request absent fields take the defaults.
   * The budget is in US dollars (to the cent or finer), {@code null} for no cap.
   */
  public record AiPolicyDto(
      Boolean redactPersonalData,
      List<String> blockedWords,
      BigDecimal monthlyBudgetUsd,
      Integer budgetWarningPercent,
      Boolean moderateMessages) {

    AiPolicy toPolicy() {
      AiPolicy defaults = AiPolicy.DEFAULT;
      return new AiPolicy(
          redactPersonalData == null ? defaults.redactPersonalData() : redactPersonalData,
          blockedWords == null ? defaults.blockedWords() : blockedWords,
          monthlyBudgetUsd == null ? null : Usd.toMicros(monthlyBudgetUsd),
          budgetWarningPercent == null ? defaults.budgetWarningPercent() : budgetWarningPercent,
          moderateMessages == null ? defaults.moderateMessages() : moderateMessages);
    }

    static AiPolicyDto from(AiPolicy policy) {
      return new AiPolicyDto(
          policy.redactPersonalData(),
          policy.blockedWords(),
          policy.monthlyBudgetMicros() == null ? null : Usd.ofMicros(policy.monthlyBudgetMicros()),
          policy.budgetWarningPercent(),
          policy.moderateMessages());
    }
  }

  /** A workspace's plan and its limits; {@code null} for a limit the plan does not have. */
  public record PlanResponse(
      String name, Long messagesPerMonth, Long members, Long documents, Long storageBytes) {

    /** The response for {@code plan}. */
    public static PlanResponse from(Plan plan) {
      return new PlanResponse(
          plan.id(),
          limit(plan.messagesPerMonth()),
          limit(plan.members()),
          limit(plan.documents()),
          limit(plan.storageBytes()));
    }

    private static Long limit(long value) {
      return Plan.isLimited(value) ? value : null;
    }
  }

  /** One limit and how much of it is used; {@code limit} is {@code null} when there is none. */
  public record UsedLimit(long used, Long limit) {
    static UsedLimit of(long used, long limit) {
      return new UsedLimit(used, Plan.isLimited(limit) ? limit : null);
    }
  }

  /** What one model cost this month; dollars to the millionth. */
  public record ModelSpendResponse(
      String provider, String model, BigDecimal costUsd, long inputTokens, long outputTokens) {
    static ModelSpendResponse from(WorkspaceUsage.ModelSpend spend) {
      return new ModelSpendResponse(
          spend.provider(),
          spend.model(),
          Usd.ofMicros(spend.costMicros()),
          spend.inputTokens(),
          spend.outputTokens());
    }
  }

  /** This month's AI spending against the budget ({@code null} when there is none). */
  public record AiSpendResponse(
      BigDecimal costUsd, BigDecimal budgetUsd, List<ModelSpendResponse> models) {}

  /** What a workspace uses of its plan this month. */
  public record UsageResponse(
      String plan, String month, UsedLimit messages, UsedLimit members, AiSpendResponse ai) {
    static UsageResponse from(WorkspaceUsage usage) {
      return new UsageResponse(
          usage.plan().id(),
          usage.month().toString(),
          UsedLimit.of(usage.messages(), usage.plan().messagesPerMonth()),
          UsedLimit.of(usage.members(), usage.plan().members()),
          new AiSpendResponse(
              Usd.ofMicros(usage.aiCostMicros()),
              usage.aiBudgetMicros() == null ? null : Usd.ofMicros(usage.aiBudgetMicros()),
              usage.models().stream().map(ModelSpendResponse::from).toList()));
    }
  }

  /** A platform administrator's choice of plan. */
  public record PlanRequest(String plan) {}

  /** Settings to create or change; absent fields keep their value (or default). */
  public record WorkspaceRequest(
      String name,
      String welcomeMessage,
      String systemPrompt,
      List<FaqEntryDto> faq,
      List<String> allowedDomains,
      Integer dataRetentionDays,
      Boolean requireTwoFactor,
      Map<String, String> welcomeMessages,
      AppearanceRequest appearance,
      AiPolicyDto aiPolicy) {

    WorkspaceSettings toSettings() {
      // A null entry stays null so that the workspace rules report it by position.
      List<FaqEntry> entries =
          faq == null
              ? null
              : faq.stream()
                  .map(e -> e == null ? null : new FaqEntry(e.question(), e.answer()))
                  .collect(Collectors.toList());
      return new WorkspaceSettings(
          name,
          welcomeMessage,
          systemPrompt,
          entries,
          allowedDomains,
          dataRetentionDays,
          requireTwoFactor,
          welcomeMessages,
          appearance == null ? null : appearance.toAppearance(),
          aiPolicy == null ? null : aiPolicy.toPolicy());
    }
  }

  /** A workspace as members see it. */
  public record WorkspaceResponse(
      String id,
      String name,
      String widgetKey,
      String welcomeMessage,
      Map<String, String> welcomeMessages,
      String systemPrompt,
      List<FaqEntryDto> faq,
      List<String> allowedDomains,
      int dataRetentionDays,
      boolean requireTwoFactor,
      boolean widgetPinSet,
      AppearanceResponse appearance,
      PlanResponse plan,
      AiPolicyDto aiPolicy,
      Instant createdAt,
      Instant updatedAt) {

    /** The response for {@code workspace}. */
    public static WorkspaceResponse from(Workspace workspace) {
      return new WorkspaceResponse(
          workspace.id().value(),
          workspace.name(),
          workspace.widgetKey().value(),
          workspace.welcomeMessage(),
          workspace.welcomeMessages(),
          workspace.systemPrompt(),
          workspace.faq().stream().map(FaqEntryDto::from).toList(),
          workspace.allowedDomains(),
          workspace.dataRetentionDays(),
          workspace.requireTwoFactor(),
          workspace.hasPin(),
          AppearanceResponse.from(workspace.appearance()),
          PlanResponse.from(workspace.plan()),
          AiPolicyDto.from(workspace.aiPolicy()),
          workspace.createdAt(),
          workspace.updatedAt());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/workspaces", this::createWorkspace);
    routes.get("/api/v1/workspaces", this::listWorkspaces);
    routes.get("/api/v1/workspaces/{workspaceId}", this::getWorkspace);
    routes.patch("/api/v1/workspaces/{workspaceId}", this::updateWorkspace);
    routes.delete("/api/v1/workspaces/{workspaceId}", this::deleteWorkspace);
    routes.post("/api/v1/workspaces/{workspaceId}/restore", this::restoreWorkspace);
    routes.put("/api/v1/admin/workspaces/{workspaceId}/plan", this::changePlan);
    routes.get("/api/v1/workspaces/{workspaceId}/usage", this::getUsage);
    routes.post("/api/v1/workspaces/{workspaceId}/widget-key/rotate", this::rotateWidgetKey);
    routes.put("/api/v1/workspaces/{workspaceId}/widget-pin", this::setPin);
    routes.delete("/api/v1/workspaces/{workspaceId}/widget-pin", this::removePin);
  }

  /** A new PIN for a private widget. */
  public record PinRequest(String pin) {}

  /** The workspace id of a path. */
  public static WorkspaceId workspaceId(Context ctx) {
    return new WorkspaceId(ctx.pathParam("workspaceId"));
  }

  private void createWorkspace(Context ctx) {
    UserId owner = actors.user(ctx).id();
    WorkspaceRequest request = body.read(ctx, WorkspaceRequest.class);
    Workspace workspace = create.create(owner, request.toSettings());
    envelope.write(ctx, HttpStatus.CREATED, workspaceData(workspace));
  }

  private void listWorkspaces(Context ctx) {
    UserId actor = actors.user(ctx).id();
    envelope.page(ctx, query.list(actor, Requests.page(ctx)), MemberWorkspaceResponse::from);
  }

  private void getWorkspace(Context ctx) {
    envelope.ok(ctx, workspaceData(query.get(actors.actor(ctx), workspaceId(ctx))));
  }

  private void updateWorkspace(Context ctx) {
    Actor actor = actors.actor(ctx);
    WorkspaceRequest request = body.read(ctx, WorkspaceRequest.class);
    envelope.ok(ctx, workspaceData(update.update(actor, workspaceId(ctx), request.toSettings())));
  }

  private void deleteWorkspace(Context ctx) {
    delete.delete(actors.user(ctx).id(), workspaceId(ctx));
    envelope.ok(ctx, Map.of("deleted", true, "restorableForDays", RESTORABLE_DAYS));
  }

  private void getUsage(Context ctx) {
    envelope.ok(ctx, UsageResponse.from(usage.usage(actors.actor(ctx), workspaceId(ctx))));
  }

  private void changePlan(Context ctx) {
    PlanRequest request = body.read(ctx, PlanRequest.class);
    envelope.ok(
        ctx,
        workspaceData(plans.changePlan(actors.user(ctx).id(), workspaceId(ctx), request.plan())));
  }

  private void restoreWorkspace(Context ctx) {
    envelope.ok(ctx, workspaceData(delete.restore(actors.user(ctx).id(), workspaceId(ctx))));
  }

  private void rotateWidgetKey(Context ctx) {
    envelope.ok(
        ctx, workspaceData(update.rotateWidgetKey(actors.user(ctx).id(), workspaceId(ctx))));
  }

  private void setPin(Context ctx) {
    Actor actor = actors.actor(ctx);
    String pin = body.read(ctx, PinRequest.class).pin();
    envelope.ok(ctx, workspaceData(pins.setPin(actor, workspaceId(ctx), pin)));
  }

  private void removePin(Context ctx) {
    envelope.ok(ctx, workspaceData(pins.removePin(actors.actor(ctx), workspaceId(ctx))));
  }

  private static Map<String, Object> workspaceData(Workspace workspace) {
    return Map.of("workspace", WorkspaceResponse.from(workspace));
  }
}

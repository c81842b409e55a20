package com.minichat.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.minichat.adapters.ai.anthropic.AnthropicClient;
import com.minichat.adapters.ai.chain.FallbackLanguageModel;
import com.minichat.adapters.ai.chain.FallbackSettings;
import com.minichat.adapters.ai.gemini.GeminiClient;
import com.minichat.adapters.ai.offline.OfflineLanguageModel;
import com.minichat.adapters.ai.ollama.OllamaClient;
import com.minichat.adapters.ai.openai.OpenAiClient;
import com.minichat.adapters.ai.openai.OpenAiModeration;
import com.minichat.adapters.ai.provider.OutboundGuard;
import com.minichat.adapters.ai.provider.ProviderTimeouts;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.adapters.ai.selfhosted.HttpModelServerClient;
import com.minichat.adapters.email.OutboxEmailSender;
import com.minichat.adapters.email.SmtpEmailSender;
import com.minichat.adapters.email.TemplatedAccountMailer;
import com.minichat.adapters.http.ApiUseCases;
import com.minichat.adapters.mongo.EmbeddedMongoServer;
import com.minichat.adapters.mongo.MongoConnections;
import com.minichat.adapters.mongo.MongoHealthProbe;
import com.minichat.adapters.mongo.apikey.MongoApiKeyRepository;
import com.minichat.adapters.mongo.audit.MongoAuditLog;
import com.minichat.adapters.mongo.conversation.MongoConversationRepository;
import com.minichat.adapters.mongo.conversation.MongoMessageRepository;
import com.minichat.adapters.mongo.job.MongoJobRuns;
import com.minichat.adapters.mongo.modelserver.MongoModelServerRepository;
import com.minichat.adapters.mongo.modelserver.MongoModelUploadRepository;
import com.minichat.adapters.mongo.provider.MongoProviderChainRepository;
import com.minichat.adapters.mongo.session.MongoRefreshTokenRepository;
import com.minichat.adapters.mongo.team.MongoInvitationRepository;
import com.minichat.adapters.mongo.team.MongoMembershipRepository;
import com.minichat.adapters.mongo.usage.MongoUsageCounters;
import com.minichat.adapters.mongo.user.MongoOneTimeTokenRepository;
import com.minichat.adapters.mongo.user.MongoUserRepository;
import com.minichat.adapters.mongo.webhook.MongoWebhookRepository;
import com.minichat.adapters.mongo.workspace.MongoWorkspaceRepository;
import com.minichat.adapters.redis.RedisConnections;
import com.minichat.adapters.redis.ai.RedisProviderAvailability;
import com.minichat.adapters.redis.event.RedisEventBus;
import com.minichat.adapters.redis.health.RedisHealthProbe;
import com.minichat.adapters.redis.ratelimit.RedisRateLimiter;
import com.minichat.adapters.security.BcryptPasswordHasher;
import com.minichat.adapters.security.JwtTokenService;
import com.minichat.adapters.security.Sha256SecretHasher;
import com.minichat.adapters.security.TinkSecretCipher;
import com.minichat.adapters.security.TotpOneTimePasswords;
import com.minichat.adapters.security.ZxcvbnPasswordStrength;
import com.minichat.adapters.security.ZxingQrCodeRenderer;
import com.minichat.application.port.out.ai.LanguageModel;
import com.minichat.application.port.out.ai.ModelServerClient;
import com.minichat.application.port.out.ai.ProviderAvailability;
import com.minichat.application.port.out.apikey.ApiKeyRepository;
import com.minichat.application.port.out.audit.AuditLog;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.application.port.out.email.EmailSender;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.application.port.out.health.HealthProbe;
import com.minichat.application.port.out.job.JobRuns;
import com.minichat.application.port.out.modelserver.ModelServerRepository;
import com.minichat.application.port.out.modelserver.ModelUploadRepository;
import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.security.OneTimePasswords;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.security.PasswordStrength;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.port.out.security.SecretHasher;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.session.RefreshTokenRepository;
import com.minichat.application.port.out.team.InvitationRepository;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.usage.UsageCounters;
import com.minichat.application.port.out.user.OneTimeTokenRepository;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.webhook.WebhookRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.service.account.Auditor;
import com.minichat.application.service.account.AuthSettings;
import com.minichat.application.service.account.OneTimeTokens;
import com.minichat.application.service.account.PasswordPolicy;
import com.minichat.application.service.account.PasswordService;
import com.minichat.application.service.account.ProfileService;
import com.minichat.application.service.account.RegistrationService;
import com.minichat.application.service.account.SessionIssuer;
import com.minichat.application.service.account.SessionService;
import com.minichat.application.service.account.TwoFactorCodes;
import com.minichat.application.service.account.TwoFactorService;
import com.minichat.application.service.apikey.ApiKeyExpiryWarnings;
import com.minichat.application.service.apikey.ApiKeyService;
import com.minichat.application.service.audit.AuditLogService;
import com.minichat.application.service.chat.ServerChatService;
import com.minichat.application.service.conversation.AiBudgetAlerts;
import com.minichat.application.service.conversation.BotReplies;
import com.minichat.application.service.conversation.ConversationService;
import com.minichat.application.service.email.OutboxService;
import com.minichat.application.service.health.ReadinessService;
import com.minichat.application.service.modelserver.ModelServerService;
import com.minichat.application.service.modelserver.ModelUploadService;
import com.minichat.application.service.modelserver.ModelUploadSettings;
import com.minichat.application.service.modelserver.RegisteredServers;
import com.minichat.application.service.provider.ProviderChainService;
import com.minichat.application.service.provider.ProviderEndpoints;
import com.minichat.application.service.realtime.RealtimeService;
import com.minichat.application.service.team.InvitationService;
import com.minichat.application.service.team.TeamService;
import com.minichat.application.service.webhook.WebhookService;
import com.minichat.application.service.widget.VisitorConversationService;
import com.minichat.application.service.widget.WidgetChatService;
import com.minichat.application.service.workspace.PlanService;
import com.minichat.application.service.workspace.WidgetPinService;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.application.service.workspace.WorkspaceService;
import com.minichat.bootstrap.config.AppEnvironment;
import com.minichat.bootstrap.config.ConfigLoader;
import com.minichat.bootstrap.config.Settings.AiSettings;
import com.minichat.bootstrap.config.Settings.MiniChatConfig;
import com.minichat.bootstrap.config.Settings.RateLimitSetting;
import com.minichat.bootstrap.embedded.InProcessEventBus;
import com.minichat.bootstrap.embedded.InProcessProviderAvailability;
import com.minichat.bootstrap.embedded.InProcessRateLimiter;
import com.minichat.domain.provider.ProviderType;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;

/**
 * Wires the core to its adapters. Backing services that are not configured fall back to the
 * embedded defaults: the in-process MongoDB-protocol server, in-process rate limits and events, and
 * the development mail outbox.
 */
final class MiniChatModule extends AbstractModule {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final MiniChatConfig config;
  private final Clock clock;
  private final Lifecycle lifecycle;

  MiniChatModule(MiniChatConfig config, Clock clock, Lifecycle lifecycle) {
    this.config = config;
    this.clock = clock;
    this.lifecycle = lifecycle;
  }

  @Override
  protected void configure() {
    bind(MiniChatConfig.class).toInstance(config);
    bind(Clock.class).toInstance(clock);
    bind(Lifecycle.class).toInstance(lifecycle);
  }

  @Provides
  @Singleton
  MongoClient mongoClient() {
    String uri =
        config
            .mongo()
            .uri()
            .orElseGet(
                () ->
                    lifecycle
                        .register(EmbeddedMongoServer.startPersistent(config.app().dataDir()))
                        .connectionString());
    return lifecycle.register(
        MongoConnections.open(
            uri, config.mongo().minPoolSize(), config.mongo().maxPoolSize(), CONNECT_TIMEOUT));
  }

  @Provides
  @Singleton
  MongoDatabase mongoDatabase(MongoClient client) {
    return client.getDatabase(
        config.mongo().uri().map(MongoConnections::databaseName).orElse("minichat"));
  }

  @Provides
  @Singleton
  Optional<RedisClient> redisClient() {
    return config
        .redis()
        .url()
        .map(
            url ->
                lifecycle.register(
                    RedisConnections.open(url, config.redis().maxConnections(), CONNECT_TIMEOUT)));
  }

  @Provides
  @Singleton
  UserRepository users(MongoDatabase database) {
    return new MongoUserRepository(database);
  }

  @Provides
  @Singleton
  WorkspaceRepository workspaces(MongoDatabase database) {
    return new MongoWorkspaceRepository(database);
  }

  @Provides
  @Singleton
  ConversationRepository conversations(MongoDatabase database) {
    return new MongoConversationRepository(database);
  }

  @Provides
  @Singleton
  MessageRepository messages(MongoDatabase database) {
    return new MongoMessageRepository(database);
  }

  @Provides
  @Singleton
  RateLimiter rateLimiter(Optional<RedisClient> redis) {
    return redis
        .<RateLimiter>map(client -> new RedisRateLimiter(client, clock))
        .orElseGet(() -> new InProcessRateLimiter(clock));
  }

  @Provides
  @Singleton
  EventBus eventBus(Optional<RedisClient> redis, PrometheusMeterRegistry metrics) {
    return new CountingEventBus(
        redis
            .<EventBus>map(client -> lifecycle.register(new RedisEventBus(client)))
            .orElseGet(InProcessEventBus::new),
        metrics);
  }

  @Provides
  @Singleton
  Optional<OutboxEmailSender> outbox() {
    return config.smtp().url().isPresent()
        ? Optional.empty()
        : Optional.of(new OutboxEmailSender());
  }

  @Provides
  @Singleton
  EmailSender emailSender(Optional<OutboxEmailSender> outbox) {
    return outbox
        .<EmailSender>map(kept -> kept)
        .orElseGet(
            () ->
                lifecycle.register(
                    SmtpEmailSender.fromUrl(
                        config.smtp().url().orElseThrow(),
                        config.smtp().from(),
                        config.smtp().startTls())));
  }

  @Provides
  @Singleton
  AccountMailer accountMailer(EmailSender sender) {
    return new TemplatedAccountMailer(sender, "MiniChat", URI.create(config.app().publicBaseUrl()));
  }

  @Provides
  @Singleton
  OneTimeTokenRepository oneTimeTokens(MongoDatabase database) {
    return new MongoOneTimeTokenRepository(database);
  }

  @Provides
  @Singleton
  RefreshTokenRepository refreshTokens(MongoDatabase database) {
    return new MongoRefreshTokenRepository(database);
  }

  @Provides
  @Singleton
  AuditLog auditLog(MongoDatabase database) {
    return new MongoAuditLog(database);
  }

  @Provides
  @Singleton
  SecretHasher secretHasher() {
    return new Sha256SecretHasher();
  }

  @Provides
  @Singleton
  SecretCipher secretCipher() {
    return new TinkSecretCipher(config.security().encryptionKeyset());
  }

  @Provides
  @Singleton
  PasswordStrength passwordStrength() {
    return new ZxcvbnPasswordStrength();
  }

  @Provides
  @Singleton
  AuthSettings authSettings() {
    Map<String, RateLimitSetting> limits = config.security().rateLimits();
    return AuthSettings.defaults(config.app().publicBaseUrl())
        .withLimits(
            limit("login", limits.get("LOGIN_RATE_LIMIT")),
            limit("register", limits.get("REGISTER_RATE_LIMIT")),
            limit("password-reset", limits.get("PASSWORD_RESET_RATE_LIMIT")),
            limit("verification-resend", limits.get("VERIFICATION_RESEND_RATE_LIMIT")));
  }

  private static RateLimit limit(String name, RateLimitSetting setting) {
    return new RateLimit(name, setting.permits(), setting.window());
  }

  @Provides
  @Singleton
  PasswordHasher passwordHasher() {
    return new BcryptPasswordHasher(config.security().bcryptCost());
  }

  @Provides
  @Singleton
  TokenService tokenService() {
    return JwtTokenService.fromSecrets(
        config.security().jwtSecret(), config.security().previousJwtSecrets(), clock);
  }

  @Provides
  @Singleton
  ProviderAvailability providerAvailability(Optional<RedisClient> redis) {
    return redis
        .<ProviderAvailability>map(RedisProviderAvailability::new)
        .orElseGet(() -> new InProcessProviderAvailability(clock));
  }

  @Provides
  @Singleton
  StreamingHttp providerHttp() {
    AiSettings ai = config.ai();
    return lifecycle.register(
        new StreamingHttp(
            new ObjectMapper(),
            new ProviderTimeouts(
                ai.connectTimeout(), ai.firstByteTimeout(), ai.stallTimeout(), ai.answerTimeout()),
            ai.allowPrivate().contains(ConfigLoader.ALLOW_ALL)
                ? OutboundGuard.ALLOW_ALL
                : OutboundGuard.allowing(ai.allowPrivate())));
  }

  @Provides
  @Singleton
  LanguageModel languageModel(StreamingHttp http, ProviderAvailability availability) {
    FallbackSettings defaults = FallbackSettings.DEFAULTS;
    return new FallbackLanguageModel(
        List.of(
            new OpenAiClient(http, ProviderType.OPENAI),
            new OpenAiClient(http, ProviderType.OPENAI_COMPATIBLE),
            new AnthropicClient(http),
            new GeminiClient(http),
            new OllamaClient(http),
            new OfflineLanguageModel()),
        availability,
        new FallbackSettings(
            config.ai().retries(),
            defaults.backoff(),
            defaults.maxBackoff(),
            defaults.breakerFailures(),
            defaults.breakerDelay(),
            config.ai().providerDownFor()));
  }

  @Provides
  @Singleton
  ModelServerClient modelServerClient(StreamingHttp http) {
    return new HttpModelServerClient(http);
  }

  @Provides
  @Singleton
  ModelServerRepository modelServers(MongoDatabase database) {
    return new MongoModelServerRepository(database);
  }

  @Provides
  @Singleton
  ModelUploadRepository modelUploads(MongoDatabase database) {
    return new MongoModelUploadRepository(database);
  }

  @Provides
  @Singleton
  RegisteredServers registeredServers(ModelServerRepository servers, SecretCipher cipher) {
    return new RegisteredServers(servers, cipher);
  }

  @Provides
  @Singleton
  ModelUploadService modelUploadService(
      WorkspaceAccess access,
      RegisteredServers servers,
      ModelUploadRepository uploads,
      ModelServerClient client) {
    AiSettings ai = config.ai();
    ExecutorService background =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("model-upload-", 0).factory());
    // on stop, running transfers are interrupted (their jobs fail) rather than awaited for hours
    lifecycle.register(
        () -> {
          background.shutdownNow();
          background.awaitTermination(5, TimeUnit.SECONDS);
        });
    return new ModelUploadService(
        access,
        servers,
        uploads,
        client,
        new ModelUploadSettings(
            ai.modelUploadMaxBytes(),
            config.app().dataDir().resolve("uploads").resolve("models"),
            // longer than the quietest step: the server checking the file, then creating the model
            ai.firstByteTimeout().plus(ai.answerTimeout()).plus(Duration.ofMinutes(1))),
        background,
        clock);
  }

  @Provides
  @Singleton
  List<HealthProbe> healthProbes(MongoDatabase database, Optional<RedisClient> redis) {
    List<HealthProbe> probes = new ArrayList<>();
    probes.add(new MongoHealthProbe(database));
    redis.ifPresent(client -> probes.add(new RedisHealthProbe(client)));
    return probes;
  }

  @Provides
  @Singleton
  Auditor auditor(AuditLog log) {
    return new Auditor(log, clock);
  }

  @Provides
  @Singleton
  SessionIssuer sessionIssuer(
      TokenService tokens,
      RefreshTokenRepository refreshTokens,
      SecretHasher secretHasher,
      AuthSettings settings) {
    return new SessionIssuer(
        tokens, refreshTokens, secretHasher, settings.refreshLifetime(), clock);
  }

  @Provides
  @Singleton
  OneTimeTokens oneTimeTokenLinks(OneTimeTokenRepository repository, SecretHasher hasher) {
    return new OneTimeTokens(repository, hasher, config.app().publicBaseUrl(), clock);
  }

  @Provides
  @Singleton
  OneTimePasswords oneTimePasswords() {
    return new TotpOneTimePasswords();
  }

  @Provides
  @Singleton
  TwoFactorCodes twoFactorCodes(OneTimePasswords otp, SecretCipher cipher, SecretHasher hasher) {
    return new TwoFactorCodes(otp, cipher, hasher, clock);
  }

  @Provides
  @Singleton
  PasswordPolicy passwordPolicy(
      AuthSettings settings, PasswordStrength strength, PasswordHasher hasher) {
    return new PasswordPolicy(settings.passwordRules(), strength, hasher);
  }

  @Provides
  @Singleton
  SessionService sessionService(
      UserRepository users,
      RefreshTokenRepository refreshTokens,
      PasswordHasher hasher,
      TokenService tokens,
      SessionIssuer sessions,
      TwoFactorCodes codes,
      OneTimeTokens oneTimeTokens,
      AccountMailer mailer,
      RateLimiter rateLimiter,
      Auditor auditor,
      AuthSettings settings) {
    return new SessionService(
        users,
        refreshTokens,
        hasher,
        tokens,
        sessions,
        codes,
        oneTimeTokens,
        mailer,
        rateLimiter,
        auditor,
        settings,
        clock);
  }

  @Provides
  @Singleton
  RegistrationService registrationService(
      UserRepository users,
      PasswordHasher hasher,
      PasswordPolicy policy,
      OneTimeTokens oneTimeTokens,
      AccountMailer mailer,
      RateLimiter rateLimiter,
      Auditor auditor,
      AuthSettings settings) {
    return new RegistrationService(
        users, hasher, policy, oneTimeTokens, mailer, rateLimiter, auditor, settings, clock);
  }

  @Provides
  @Singleton
  PasswordService passwordService(
      UserRepository users,
      RefreshTokenRepository refreshTokens,
      PasswordHasher hasher,
      PasswordPolicy policy,
      OneTimeTokens oneTimeTokens,
      SessionIssuer sessions,
      AccountMailer mailer,
      RateLimiter rateLimiter,
      Auditor auditor,
      AuthSettings settings) {
    return new PasswordService(
        users,
        refreshTokens,
        hasher,
        policy,
        oneTimeTokens,
        sessions,
        mailer,
        rateLimiter,
        auditor,
        settings,
        clock);
  }

  @Provides
  @Singleton
  TwoFactorService twoFactorService(
      UserRepository users,
      OneTimePasswords otp,
      PasswordHasher hasher,
      SecretCipher cipher,
      TwoFactorCodes codes,
      SessionIssuer sessions,
      Auditor auditor) {
    return new TwoFactorService(
        users, otp, hasher, cipher, new ZxingQrCodeRenderer(), codes, sessions, auditor, clock);
  }

  @Provides
  @Singleton
  WorkspaceAccess workspaceAccess(
      WorkspaceRepository workspaces, MembershipRepository memberships, UserRepository users) {
    return new WorkspaceAccess(workspaces, memberships, users);
  }

  @Provides
  @Singleton
  WorkspaceService workspaceService(
      WorkspaceRepository workspaces, MembershipRepository memberships, WorkspaceAccess access) {
    return new WorkspaceService(workspaces, memberships, access, clock, config.app().defaultPlan());
  }

  @Provides
  @Singleton
  MembershipRepository memberships(MongoDatabase database) {
    return new MongoMembershipRepository(database);
  }

  @Provides
  @Singleton
  InvitationRepository invitations(MongoDatabase database) {
    return new MongoInvitationRepository(database);
  }

  @Provides
  @Singleton
  ProviderChainRepository providerChains(MongoDatabase database) {
    return new MongoProviderChainRepository(database);
  }

  @Provides
  @Singleton
  WebhookRepository webhooks(MongoDatabase database) {
    return new MongoWebhookRepository(database);
  }

  @Provides
  @Singleton
  ApiKeyRepository apiKeys(MongoDatabase database) {
    return new MongoApiKeyRepository(database, clock);
  }

  @Provides
  @Singleton
  UsageCounters usageCounters(MongoDatabase database) {
    return new MongoUsageCounters(database, clock);
  }

  @Provides
  @Singleton
  DailyJobs dailyJobs(
      JobRuns jobRuns,
      ApiKeyRepository keys,
      WorkspaceRepository workspaces,
      MembershipRepository memberships,
      UserRepository users,
      AccountMailer mailer) {
    ApiKeyExpiryWarnings expiryWarnings =
        new ApiKeyExpiryWarnings(keys, workspaces, memberships, users, mailer, clock);
    return new DailyJobs(jobRuns, clock, Map.of(ApiKeyExpiryWarnings.JOB, expiryWarnings::run));
  }

  @Provides
  @Singleton
  JobRuns jobRuns(MongoDatabase database) {
    return new MongoJobRuns(database);
  }

  @Provides
  @Singleton
  ApiKeyService apiKeyService(
      ApiKeyRepository keys,
      WorkspaceRepository workspaces,
      WorkspaceAccess access,
      SecretHasher hasher,
      RateLimiter rateLimiter) {
    return new ApiKeyService(
        keys,
        workspaces,
        access,
        hasher,
        rateLimiter,
        limit("api-key", config.security().rateLimits().get("API_KEY_RATE_LIMIT")),
        clock);
  }

  @Provides
  @Singleton
  ApiUseCases useCases(
      JobRuns jobRuns,
      StreamingHttp providerHttp,
      RegistrationService registration,
      SessionService sessions,
      PasswordService passwords,
      TwoFactorService twoFactor,
      UserRepository users,
      AuditLog auditLog,
      Optional<OutboxEmailSender> outbox,
      WorkspaceService workspaceService,
      WorkspaceAccess access,
      MembershipRepository memberships,
      InvitationRepository invitations,
      ApiKeyService apiKeys,
      ProviderChainRepository providerChains,
      ModelServerRepository modelServers,
      RegisteredServers registeredServers,
      ModelServerClient modelServerClient,
      ModelUploadService modelUploads,
      WebhookRepository webhooks,
      SecretCipher cipher,
      SecretHasher secretHasher,
      AccountMailer mailer,
      WorkspaceRepository workspaces,
      ConversationRepository conversations,
      MessageRepository messages,
      UsageCounters usage,
      LanguageModel model,
      TokenService tokens,
      RateLimiter rateLimiter,
      EventBus events,
      List<HealthProbe> probes) {
    PlanService plans =
        new PlanService(workspaces, users, access, memberships, invitations, usage, clock);
    ConversationService conversationService =
        new ConversationService(access, conversations, messages, memberships, events, clock);
    VisitorConversationService visitorConversations =
        new VisitorConversationService(workspaces, conversations, messages, tokens, events, clock);
    BotReplies replies =
        new BotReplies(
            conversations,
            messages,
            usage,
            model,
            new ProviderEndpoints(providerChains, registeredServers, cipher),
            events,
            config.ai().prices(),
            new AiBudgetAlerts(memberships, users, mailer, jobRuns, clock),
            new OpenAiModeration(providerHttp),
            clock);
    return new ApiUseCases(
        registration,
        sessions,
        sessions,
        passwords,
        twoFactor,
        new ProfileService(users, clock),
        new AuditLogService(auditLog, users),
        workspaceService,
        workspaceService,
        workspaceService,
        workspaceService,
        plans,
        plans,
        new WidgetPinService(workspaces, access, cipher, clock),
        new TeamService(workspaces, memberships, users, access, clock),
        new InvitationService(
            workspaces,
            memberships,
            invitations,
            users,
            access,
            secretHasher,
            mailer,
            config.app().publicBaseUrl(),
            clock),
        apiKeys,
        new ProviderChainService(providerChains, registeredServers, access, cipher, clock),
        new ModelServerService(
            modelServers,
            registeredServers,
            providerChains,
            modelServerClient,
            access,
            cipher,
            clock),
        modelUploads,
        new WebhookService(webhooks, access, cipher, clock),
        apiKeys,
        new WidgetChatService(
            workspaces, conversations, messages, replies, tokens, rateLimiter, cipher, clock),
        visitorConversations,
        conversationService,
        conversationService,
        new ServerChatService(access, conversations, providerChains, replies, clock),
        new RealtimeService(events, access, conversations, visitorConversations, clock),
        new ReadinessService(probes),
        outbox
            .filter(kept -> config.app().environment() == AppEnvironment.DEVELOPMENT)
            .map(OutboxService::new));
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry meterRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }
}

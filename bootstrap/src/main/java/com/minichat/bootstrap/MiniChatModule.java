package com.minichat.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.minichat.adapters.ai.offline.OfflineLanguageModel;
import com.minichat.adapters.email.OutboxEmailSender;
import com.minichat.adapters.email.SmtpEmailSender;
import com.minichat.adapters.http.ApiUseCases;
import com.minichat.adapters.mongo.EmbeddedMongoServer;
import com.minichat.adapters.mongo.MongoConnections;
import com.minichat.adapters.mongo.MongoHealthProbe;
import com.minichat.adapters.mongo.conversation.MongoConversationRepository;
import com.minichat.adapters.mongo.conversation.MongoMessageRepository;
import com.minichat.adapters.mongo.user.MongoUserRepository;
import com.minichat.adapters.mongo.workspace.MongoWorkspaceRepository;
import com.minichat.adapters.redis.RedisConnections;
import com.minichat.adapters.redis.event.RedisEventBus;
import com.minichat.adapters.redis.health.RedisHealthProbe;
import com.minichat.adapters.redis.ratelimit.RedisRateLimiter;
import com.minichat.adapters.security.BcryptPasswordHasher;
import com.minichat.adapters.security.JwtTokenService;
import com.minichat.application.port.out.ai.LanguageModel;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.email.EmailSender;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.application.port.out.health.HealthProbe;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.service.account.AccountService;
import com.minichat.application.service.conversation.ConversationQueryService;
import com.minichat.application.service.health.ReadinessService;
import com.minichat.application.service.widget.WidgetChatService;
import com.minichat.application.service.workspace.WorkspaceService;
import com.minichat.bootstrap.config.Settings.MiniChatConfig;
import com.minichat.bootstrap.embedded.InProcessEventBus;
import com.minichat.bootstrap.embedded.InProcessRateLimiter;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
  EventBus eventBus(Optional<RedisClient> redis) {
    return redis
        .<EventBus>map(client -> lifecycle.register(new RedisEventBus(client)))
        .orElseGet(InProcessEventBus::new);
  }

  @Provides
  @Singleton
  EmailSender emailSender() {
    return config
        .smtp()
        .url()
        .<EmailSender>map(
            url ->
                lifecycle.register(
                    SmtpEmailSender.fromUrl(url, config.smtp().from(), config.smtp().startTls())))
        .orElseGet(OutboxEmailSender::new);
  }

  @Provides
  @Singleton
  PasswordHasher passwordHasher() {
    return new BcryptPasswordHasher(config.security().bcryptCost());
  }

  @Provides
  @Singleton
  TokenService tokenService() {
    return new JwtTokenService(config.security().jwtSecret(), clock);
  }

  @Provides
  @Singleton
  LanguageModel languageModel() {
    return new OfflineLanguageModel();
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
  AccountService accountService(UserRepository users, PasswordHasher hasher, TokenService tokens) {
    return new AccountService(users, hasher, tokens, clock);
  }

  @Provides
  @Singleton
  WorkspaceService workspaceService(WorkspaceRepository workspaces) {
    return new WorkspaceService(workspaces, clock);
  }

  @Provides
  @Singleton
  ApiUseCases useCases(
      AccountService accounts,
      WorkspaceService workspaceService,
      WorkspaceRepository workspaces,
      ConversationRepository conversations,
      MessageRepository messages,
      LanguageModel model,
      TokenService tokens,
      RateLimiter rateLimiter,
      EventBus events,
      List<HealthProbe> probes) {
    return new ApiUseCases(
        accounts,
        accounts,
        accounts,
        workspaceService,
        workspaceService,
        workspaceService,
        new WidgetChatService(
            workspaces, conversations, messages, model, tokens, rateLimiter, events, clock),
        new ConversationQueryService(workspaces, conversations, messages),
        new ReadinessService(probes));
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry meterRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }
}

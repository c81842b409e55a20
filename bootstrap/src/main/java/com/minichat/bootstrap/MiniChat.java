package com.minichat.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.minichat.adapters.http.ApiUseCases;
import com.minichat.adapters.http.HttpServer;
import com.minichat.adapters.mongo.migration.MongoMigrations;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.service.modelserver.ModelUploadService;
import com.minichat.application.service.workspace.WorkspaceService;
import com.minichat.bootstrap.config.AppEnvironment;
import com.minichat.bootstrap.config.Settings.MiniChatConfig;
import com.mongodb.client.MongoDatabase;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running MiniChat instance: its adapters, its HTTP server and what must be closed on stop. */
public final class MiniChat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MiniChat.class);

  private final Lifecycle lifecycle;
  private final HttpServer server;

  private MiniChat(Lifecycle lifecycle, HttpServer server) {
    this.lifecycle = lifecycle;
    this.server = server;
  }

  /**
   * Starts MiniChat: connects (or starts the embedded database), applies migrations and serves
   * HTTP. Whatever was started is closed again if a later step fails.
   */
  public static MiniChat start(MiniChatConfig config, Clock clock) {
    // No AOP is used; without bytecode generation Guice needs no sun.misc.Unsafe on new JDKs.
    System.setProperty("guice_bytecode_gen_option", "DISABLED");
    Lifecycle lifecycle = new Lifecycle();
    try {
      Injector injector = Guice.createInjector(new MiniChatModule(config, clock, lifecycle));
      List<String> applied = MongoMigrations.migrate(injector.getInstance(MongoDatabase.class));
      LOG.info("database ready migrationsApplied={}", applied);
      lifecycle.register(injector.getInstance(DailyJobs.class).start());
      injector.getInstance(ModelUploadService.class).sweepLeftovers();
      PrometheusMeterRegistry metrics = injector.getInstance(PrometheusMeterRegistry.class);
      UserRepository users = injector.getInstance(UserRepository.class);
      PasswordHasher hasher = injector.getInstance(PasswordHasher.class);
      config
          .security()
          .admin()
          .ifPresent(admin -> PlatformAdmin.ensure(admin, users, hasher, clock));
      boolean development = config.app().environment() == AppEnvironment.DEVELOPMENT;
      String demoKey =
          development
              ? DemoWorkspace.ensure(
                  users, hasher, injector.getInstance(WorkspaceService.class), clock)
              : "";
      HttpServer server =
          lifecycle.register(
              new HttpServer(
                      injector.getInstance(ApiUseCases.class),
                      metrics,
                      clock,
                      demoKey,
                      !development,
                      config.app().publicBaseUrl())
                  .start(config.app().host(), config.app().port()));
      return new MiniChat(lifecycle, server);
    } catch (RuntimeException e) {
      lifecycle.close();
      throw e;
    }
  }

  /** The port the HTTP server listens on. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}

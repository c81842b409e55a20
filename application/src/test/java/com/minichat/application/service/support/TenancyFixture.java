package com.minichat.application.service.support;

import com.minichat.application.fake.InMemoryApiKeyRepository;
import com.minichat.application.fake.InMemoryInvitationRepository;
import com.minichat.application.fake.InMemoryMembershipRepository;
import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.fake.InMemoryWorkspaceRepository;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.service.apikey.ApiKeyService;
import com.minichat.application.service.team.InvitationService;
import com.minichat.application.service.team.TeamService;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.application.service.workspace.WorkspaceService;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The workspace, team, invitation and API-key services wired to in-memory fakes and deterministic
 * doubles, sharing one {@link TestClock}, as the bootstrap module wires the real ones.
 */
public final class TenancyFixture {
  /** Start of the clock, a whole second. */
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  public static final String BASE_URL = "https://chat.example.test";

  /** The budget of every API key. */
  public static final RateLimit PER_KEY = new RateLimit("api-key", 1000, Duration.ofHours(1));

  public final TestClock clock = TestClock.fixedAt(T0);
  public final InMemoryUserRepository users = new InMemoryUserRepository();
  public final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
  public final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository();
  public final InMemoryInvitationRepository invitations = new InMemoryInvitationRepository();
  public final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  public final FakeSecretHasher hasher = new FakeSecretHasher();
  public final RecordingAccountMailer mailer = new RecordingAccountMailer();
  public final RateLimiter rateLimiter;

  public final WorkspaceAccess access;
  public final WorkspaceService workspaceService;
  public final TeamService team;
  public final InvitationService invitationService;
  public final ApiKeyService apiKeys;

  /** Everything wired with a rate limiter that allows every request. */
  public TenancyFixture() {
    this(ScriptedRateLimiter.allowingEverything());
  }

  public TenancyFixture(RateLimiter rateLimiter) {
    this.rateLimiter = rateLimiter;
    access = new WorkspaceAccess(workspaces, memberships, users);
    workspaceService = new WorkspaceService(workspaces, memberships, access, clock);
    team = new TeamService(workspaces, memberships, users, access, clock);
    invitationService =
        new InvitationService(
            workspaces, memberships, invitations, users, access, hasher, mailer, BASE_URL, clock);
    apiKeys = new ApiKeyService(keys, workspaces, access, hasher, rateLimiter, PER_KEY, clock);
  }

  /** A stored account named {@code name} with the address {@code name@example.com}. */
  public User user(String name) {
    User user =
        new User(
            UserId.generate(),
            new Email(name.toLowerCase(Locale.ROOT) + "@example.com"),
            name,
            "hash",
            clock.instant(),
            clock.instant());
    users.insert(user);
    return user;
  }

  /** A workspace {@code owner} created through the service. */
  public Workspace workspace(User owner, String name) {
    return workspaceService.create(
        owner.id(), new WorkspaceSettings(name, null, null, null, null, null));
  }

  /** Makes {@code user} a member of {@code workspace} with {@code role}, directly in the store. */
  public void join(Workspace workspace, User user, Role role) {
    Instant now = clock.instant();
    memberships.insert(new Membership(workspace.id(), user.id(), role, now, now));
  }

  /** The role of {@code user} in the workspace; {@code null} when they are not a member. */
  public Role roleOf(WorkspaceId workspaceId, User user) {
    return memberships.find(workspaceId, user.id()).map(Membership::role).orElse(null);
  }

  /** The owners of the workspace according to the memberships. */
  public List<UserId> owners(WorkspaceId workspaceId) {
    return memberships.findByWorkspace(workspaceId).stream()
        .filter(membership -> membership.role() == Role.OWNER)
        .map(Membership::userId)
        .toList();
  }

  /**
   * A request of a new key of the workspace with {@code scope}, created by {@code creator} and
   * authenticated as the HTTP adapter does.
   */
  public KeyActor keyActor(User creator, WorkspaceId workspaceId, ApiScope scope) {
    String secret =
        apiKeys.create(creator.id(), workspaceId, scope.name() + " key", scope, null).secret();
    return new KeyActor(apiKeys.authenticate(secret).key());
  }
}

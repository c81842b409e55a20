package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.adapters.mongo.EmbeddedMongoServer;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.adapters.security.TotpOneTimePasswords;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What lands in MongoDB: MiniChat runs against a MongoDB-protocol server started by the test (the
 * embedded one of the app is not reachable from outside), and the test reads the raw documents with
 * the MongoDB driver. Secrets shown to people once — TOTP secrets, recovery codes, API keys,
 * refresh tokens, invitation and e-mail tokens, passwords — must not appear in them in any readable
 * form.
 */
class SecretsAtRestTest {
  private static final String DATABASE = "minichat_secrets";

  @TempDir Path dataDir;

  private EmbeddedMongoServer mongo;
  private MongoClient client;
  private MongoDatabase database;
  private IdentityApp app;

  @BeforeEach
  void start() {
    mongo = EmbeddedMongoServer.startInMemory();
    String uri = mongo.connectionString() + "/" + DATABASE;
    app = IdentityApp.start(dataDir, "MONGODB_URI", uri);
    client = MongoClients.create(uri);
    database = client.getDatabase(DATABASE);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (client != null) {
      client.close();
    }
    if (mongo != null) {
      mongo.close();
    }
  }

  @Test
  void theTotpSecretAndRecoveryCodesAreNotStoredReadably() {
    String email = "totp@example.com";
    Browser browser = app.registerAndLogIn(email);
    String verification = app.tokenFromMail(email, "/verify-email");

    ApiResponse setup =
        app.api()
            .post(
                "/api/v1/auth/2fa/setup",
                null,
                "Authorization",
                browser.bearer(),
                "Cookie",
                browser.cookie());
    assertEquals(200, setup.status(), setup.body());
    String secret = setup.data().path("secret").asText();
    assertTrue(secret.length() >= 16, secret);

    // pending: stored, but only encrypted
    Document pending = user(browser.userId());
    Document pendingTwoFactor = pending.get("twoFactor", Document.class);
    assertNotNull(pendingTwoFactor, "no twoFactor sub-document: " + pending.toJson());
    String encrypted = pendingTwoFactor.getString("encryptedSecret");
    assertTrue(encrypted != null && !encrypted.isBlank(), pending.toJson());
    assertNoneIn(pending.toJson(), forms("TOTP secret", secret));

    ApiResponse verified =
        app.api()
            .post(
                "/api/v1/auth/2fa/verify",
                "{\"code\":\"" + TotpOneTimePasswords.code(secret, Instant.now(app.clock)) + "\"}",
                "Authorization",
                browser.bearer(),
                "Cookie",
                browser.cookie());
    assertEquals(200, verified.status(), verified.body());
    Map<String, String> secrets = new LinkedHashMap<>(forms("TOTP secret", secret));
    JsonNode recoveryCodes = verified.data().path("recoveryCodes");
    assertEquals(10, recoveryCodes.size());
    recoveryCodes.forEach(
        code -> {
          secrets.put("recovery code " + code.asText(), code.asText());
          secrets.put("recovery code (bare) " + code.asText(), code.asText().replace("-", ""));
        });

    Document enabled = user(browser.userId());
    assertTrue(enabled.get("twoFactor", Document.class).getBoolean("enabled"), enabled.toJson());
    assertTrue(enabled.toJson().contains(email), "the right document: " + enabled.toJson());
    assertNoneIn(enabled.toJson(), secrets);

    // and nowhere else either: sessions, audit log, tokens
    secrets.put("password", IdentityApp.PASSWORD);
    secrets.put("verification token", verification);
    secrets.put("refresh token", browser.refreshToken());
    assertNoneIn(everything(), secrets);
  }

  @Test
  void apiKeysRefreshTokensAndInvitationTokensAreStoredOnlyAsHashes() {
    Browser owner = app.registerAndLogIn("keys@example.com");
    ApiResponse refreshed = app.refresh(owner.refreshToken());
    Browser rotatedSession = IdentityApp.browser(refreshed);
    String workspaceId = Tenants.createWorkspace(app, owner, "Vault").path("id").asText();

    Map<String, String> keySecrets = new LinkedHashMap<>();
    List<String> hints = new ArrayList<>();
    String firstKeyId = null;
    for (String scope : Tenants.SCOPES) {
      ApiResponse created = Tenants.createKey(app, owner, workspaceId, scope + " key", scope, null);
      String key = created.data().path("key").asText();
      keySecrets.put(scope + " key", key);
      hints.add(created.data().at("/apiKey/hint").asText().replace("…", ""));
      if (firstKeyId == null) {
        firstKeyId = created.data().at("/apiKey/id").asText();
      }
    }
    ApiResponse rotated =
        app.api()
            .post(
                "/api/v1/workspaces/" + workspaceId + "/api-keys/" + firstKeyId + "/rotate",
                null,
                "Authorization",
                owner.bearer());
    assertEquals(201, rotated.status(), rotated.body());
    keySecrets.put("rotated key", rotated.data().path("key").asText());
    // the random part after the visible hint must not be there either
    Map<String, String> keyForms = new LinkedHashMap<>();
    keySecrets.forEach(
        (name, key) -> {
          keyForms.put(name, key);
          keyForms.put(name + " (after the hint)", key.substring("mc_live_".length() + 4));
        });

    ApiResponse invited = Tenants.invite(app, owner, workspaceId, "guest@example.com", "member");
    assertEquals(201, invited.status(), invited.body());
    String invitationToken = app.tokenFromMail("guest@example.com", "/invitations/accept");

    String apiKeys = collection(MongoSchema.API_KEYS);
    assertEquals(4, database.getCollection(MongoSchema.API_KEYS).countDocuments(), apiKeys);
    hints.forEach(hint -> assertTrue(apiKeys.contains(hint), "hint " + hint + " kept: " + apiKeys));
    assertNoneIn(apiKeys, keyForms);

    String refreshTokens = collection(MongoSchema.REFRESH_TOKENS);
    assertTrue(
        database.getCollection(MongoSchema.REFRESH_TOKENS).countDocuments() >= 2, refreshTokens);
    assertNoneIn(
        refreshTokens,
        Map.of(
            "first refresh token", owner.refreshToken(),
            "rotated refresh token", rotatedSession.refreshToken()));

    String invitations = collection(MongoSchema.INVITATIONS);
    assertTrue(invitations.contains("guest@example.com"), invitations);
    assertNoneIn(invitations, Map.of("invitation token", invitationToken));

    // accepted, the invitation is still only a hash; and no secret is anywhere else
    Browser guest = app.registerAndLogIn("guest@example.com");
    assertEquals(200, Tenants.accept(app, guest, invitationToken).status());
    Map<String, String> all = new LinkedHashMap<>(keyForms);
    all.put("first refresh token", owner.refreshToken());
    all.put("rotated refresh token", rotatedSession.refreshToken());
    all.put("guest refresh token", guest.refreshToken());
    all.put("invitation token", invitationToken);
    all.put("verification token", app.tokenFromMail("guest@example.com", "/verify-email"));
    all.put("password", IdentityApp.PASSWORD);
    assertNoneIn(everything(), all);
  }

  @Test
  void providerKeysAreEncryptedAndShownOnlyMasked() {
    Browser owner = app.registerAndLogIn("providers@example.com");
    String workspaceId = Tenants.createWorkspace(app, owner, "Bots").path("id").asText();
    String openAiKey = "sk-proj-Abc123Def456Ghi789Jkl012";
    String path = "/api/v1/workspaces/" + workspaceId + "/providers";

    ApiResponse saved =
        app.api()
            .send(
                "PUT",
                path,
                "[{\"type\":\"openai\",\"model\":\"gpt-4o-mini\",\"apiKey\":\""
                    + openAiKey
                    + "\"},{\"type\":\"ollama\",\"model\":\"llama3.2\","
                    + "\"baseUrl\":\"http://127.0.0.1:11434\"},{\"type\":\"offline\"}]",
                "application/json",
                "Authorization",
                owner.bearer());
    assertEquals(200, saved.status(), saved.body());
    assertEquals("sk-…l012", saved.data().at("/providers/0/apiKey").asText());
    assertFalse(saved.body().contains(openAiKey), saved.body());

    // Sending the chain back without the key keeps the stored one.
    ApiResponse reordered =
        app.api()
            .send(
                "PUT",
                path,
                "[{\"type\":\"openai\",\"model\":\"gpt-4o\"},{\"type\":\"offline\"}]",
                "application/json",
                "Authorization",
                owner.bearer());
    assertEquals("sk-…l012", reordered.data().at("/providers/0/apiKey").asText(), reordered.body());
    ApiResponse listed = app.api().get(path, "Authorization", owner.bearer());
    assertEquals("gpt-4o", listed.data().at("/providers/0/model").asText());

    String stored = collection(MongoSchema.PROVIDER_CHAINS);
    assertTrue(stored.contains("encryptedApiKey"), stored);
    assertNoneIn(
        everything(),
        Map.of("provider key", openAiKey, "provider key body", openAiKey.substring(8)));
  }

  @Test
  void modelServerKeysAreEncryptedAndShownOnlyMasked() {
    Browser owner = app.registerAndLogIn("servers@example.com");
    String workspaceId = Tenants.createWorkspace(app, owner, "GPU").path("id").asText();
    String proxyKey = "ollama-proxy-Zq81Xw27Lp44";
    String path = "/api/v1/workspaces/" + workspaceId + "/model-servers";

    ApiResponse registered =
        app.api()
            .post(
                path,
                "{\"name\":\"GPU box\",\"type\":\"ollama\",\"baseUrl\":\"http://gpu-1:11434\","
                    + "\"apiKey\":\""
                    + proxyKey
                    + "\"}",
                "Authorization",
                owner.bearer());
    assertEquals(201, registered.status(), registered.body());
    assertEquals("oll…Lp44", registered.data().at("/server/apiKey").asText());
    ApiResponse listed = app.api().get(path, "Authorization", owner.bearer());
    assertFalse(listed.body().contains(proxyKey), listed.body());

    String stored = collection(MongoSchema.MODEL_SERVERS);
    assertTrue(stored.contains("encryptedApiKey") && stored.contains("gpu-1"), stored);
    assertNoneIn(
        everything(), Map.of("server key", proxyKey, "server key body", proxyKey.substring(13)));
  }

  @Test
  void webhookSecretsAreEncryptedAndShownOnce() {
    Browser owner = app.registerAndLogIn("hooks@example.com");
    String workspaceId = Tenants.createWorkspace(app, owner, "Hooks").path("id").asText();
    String path = "/api/v1/workspaces/" + workspaceId + "/webhooks";

    ApiResponse created =
        app.api()
            .post(
                path,
                "{\"url\":\"https://crm.example.com/minichat\","
                    + "\"events\":[\"message.created\",\"lead.created\"]}",
                "Authorization",
                owner.bearer());
    assertEquals(201, created.status(), created.body());
    String secret = created.data().path("secret").asText();
    assertTrue(secret.startsWith("whsec_"), secret);
    ApiResponse listed = app.api().get(path, "Authorization", owner.bearer());
    assertFalse(listed.body().contains(secret), listed.body());
    assertEquals(
        created.data().at("/webhook/secret").asText(),
        listed.data().at("/webhooks/0/secret").asText());

    String stored = collection("webhooks");
    assertTrue(stored.contains("crm.example.com"), stored);
    assertNoneIn(
        everything(), Map.of("webhook secret", secret, "webhook secret body", secret.substring(6)));
  }

  @Test
  void aPrivateWidgetAsksForItsEncryptedPin() {
    Browser owner = app.registerAndLogIn("pin@example.com");
    JsonNode workspace = Tenants.createWorkspace(app, owner, "Private");
    String workspaceId = workspace.path("id").asText();
    String widget = "/api/v1/widget/" + workspace.path("widgetKey").asText();
    String pinPath = "/api/v1/workspaces/" + workspaceId + "/widget-pin";

    ApiResponse badPin =
        app.api()
            .send(
                "PUT",
                pinPath,
                "{\"pin\":\"12ab\"}",
                "application/json",
                "Authorization",
                owner.bearer());
    assertEquals(400, badPin.status(), badPin.body());
    ApiResponse set =
        app.api()
            .send(
                "PUT",
                pinPath,
                "{\"pin\":\"864209\"}",
                "application/json",
                "Authorization",
                owner.bearer());
    assertTrue(set.data().at("/workspace/widgetPinSet").asBoolean(), set.body());
    assertTrue(app.api().get(widget + "/config").data().path("pinRequired").asBoolean());

    assertEquals(401, app.api().post(widget + "/conversations", null).status());
    ApiResponse wrong = app.api().post(widget + "/conversations", "{\"pin\":\"111111\"}");
    assertEquals(401, wrong.status());
    assertEquals("The PIN is wrong", wrong.json().at("/error/message").asText());
    assertEquals(201, app.api().post(widget + "/conversations", "{\"pin\":\"864209\"}").status());
    assertNoneIn(collection(MongoSchema.WORKSPACES), Map.of("widget pin", "864209"));

    ApiResponse removed =
        app.api().send("DELETE", pinPath, null, null, "Authorization", owner.bearer());
    assertFalse(removed.data().at("/workspace/widgetPinSet").asBoolean(), removed.body());
    assertEquals(201, app.api().post(widget + "/conversations", null).status());
  }

  @Test
  void providerChainRulesAreReportedByPosition() {
    Browser owner = app.registerAndLogIn("rules@example.com");
    String workspaceId = Tenants.createWorkspace(app, owner, "Rules").path("id").asText();

    ApiResponse refused =
        app.api()
            .send(
                "PUT",
                "/api/v1/workspaces/" + workspaceId + "/providers",
                "[{\"type\":\"anthropic\",\"model\":\"claude\"},{\"type\":\"ollama\","
                    + "\"model\":\"m\"},{\"type\":\"mystery\"}]",
                "application/json",
                "Authorization",
                owner.bearer());

    assertEquals(400, refused.status(), refused.body());
    List<String> fields = new ArrayList<>();
    refused
        .json()
        .at("/error/details")
        .forEach(detail -> fields.add(detail.path("field").asText()));
    assertEquals(
        List.of("providers[0].apiKey", "providers[1].baseUrl", "providers[2].type"), fields);
  }

  private Document user(String userId) {
    Document user =
        database.getCollection(MongoSchema.USERS).find(new Document("_id", userId)).first();
    assertNotNull(user, "no user document " + userId);
    return user;
  }

  /** Every document of a collection as JSON, one per line. */
  private String collection(String name) {
    StringBuilder json = new StringBuilder();
    database
        .getCollection(name)
        .find()
        .forEach(document -> json.append(document.toJson()).append('\n'));
    return json.toString();
  }

  /** Every document of every collection. */
  private String everything() {
    StringBuilder json = new StringBuilder();
    for (String name : database.listCollectionNames()) {
      json.append("== ").append(name).append('\n').append(collection(name));
    }
    return json.toString();
  }

  /** A Base32 TOTP secret as text, lower case, and its bytes in hex and Base64. */
  private static Map<String, String> forms(String name, String base32) {
    byte[] bytes = unbase32(base32);
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put(name, base32);
    forms.put(name + " (lower case)", base32.toLowerCase(Locale.ROOT));
    forms.put(name + " (hex)", HexFormat.of().formatHex(bytes));
    forms.put(name + " (Base64)", Base64.getEncoder().withoutPadding().encodeToString(bytes));
    forms.put(name + " (Base64url)", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    return forms;
  }

  private static byte[] unbase32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
      int value = alphabet.indexOf(c);
      assertTrue(value >= 0, "not Base32: " + text);
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xFF);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  private static void assertNoneIn(String stored, Map<String, String> secrets) {
    String lower = stored.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    secrets.forEach(
        (name, secret) -> {
          if (lower.contains(secret.toLowerCase(Locale.ROOT))) {
            found.add(name);
          }
        });
    assertFalse(!found.isEmpty(), "stored readably: " + found + "\n" + stored);
  }
}

package com.minichat.bootstrap;

import com.minichat.application.port.in.workspace.MemberWorkspace;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.service.workspace.WorkspaceService;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * In development, a ready-made bilingual workspace so that the demo page has a widget to talk to on
 * the very first start. Created once; kept across restarts.
 */
final class DemoWorkspace {
  static final String OWNER_EMAIL = "demo@minichat.local";

  private DemoWorkspace() {}

  /** The demo workspace's widget key, creating the workspace when it does not exist yet. */
  static String ensure(
      UserRepository users, PasswordHasher hasher, WorkspaceService workspaces, Clock clock) {
    User owner =
        users
            .findByEmail(new Email(OWNER_EMAIL))
            .orElseGet(
                () -> {
                  // Nobody signs in as the demo owner: the random password is never shown.
                  Instant now = clock.instant();
                  User created =
                      new User(
                          UserId.generate(),
                          new Email(OWNER_EMAIL),
                          "MiniChat Demo",
                          hasher.hash(Identifiers.random(24)),
                          now,
                          now);
                  users.insert(created);
                  return created;
                });
    List<MemberWorkspace> existing = workspaces.list(owner.id(), PageRequest.first()).items();
    Workspace demo =
        existing.isEmpty()
            ? workspaces.create(owner.id(), settings())
            : existing.getFirst().workspace();
    return demo.widgetKey().value();
  }

  private static WorkspaceSettings settings() {
    return new WorkspaceSettings(
        "MiniChat Demo Shop",
        "สวัสดีค่ะ ยินดีต้อนรับสู่ร้านเดโม ถามเรื่องเวลาเปิดร้าน การจัดส่ง หรือการคืนสินค้าได้เลยค่ะ"
            + " / Hello! Ask about opening hours, delivery or returns.",
        "You are the friendly assistant of the MiniChat demo shop.",
        List.of(
            new FaqEntry("ร้านเปิดกี่โมง", "ร้านเปิดทุกวัน 9:00–18:00 น. ค่ะ"),
            new FaqEntry("ส่งสินค้ากี่วัน", "จัดส่งภายใน 1–3 วันทำการทั่วประเทศไทยค่ะ"),
            new FaqEntry("คืนสินค้าได้ไหม", "คืนสินค้าได้ภายใน 14 วัน พร้อมใบเสร็จค่ะ"),
            new FaqEntry("What are your opening hours?", "We are open every day, 9:00–18:00."),
            new FaqEntry(
                "How long does delivery take?", "Delivery takes 1–3 working days within Thailand."),
            new FaqEntry("Can I return a product?", "Yes, within 14 days with your receipt.")),
        List.of("localhost"),
        null);
  }
}

package com.minichat.domain.access;

import com.minichat.domain.user.UserId;
import java.util.Objects;

/** A signed-in dashboard user; what they may do depends on their role in each workspace. */
public record UserActor(UserId userId) implements Actor {
  public UserActor {
    Objects.requireNonNull(userId, "userId");
  }
}

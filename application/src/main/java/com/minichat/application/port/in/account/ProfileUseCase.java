package com.minichat.application.port.in.account;

import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;

/** The signed-in user's own profile. */
public interface ProfileUseCase {
  /** Changes the non-null fields: display name and language ({@code th} or {@code en}). */
  User update(UserId userId, String name, String language);
}

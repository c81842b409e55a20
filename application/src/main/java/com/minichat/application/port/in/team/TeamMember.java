package com.minichat.application.port.in.team;

import com.minichat.domain.team.Membership;
import com.minichat.domain.user.User;

/** A member of a workspace with the account behind the membership. */
public record TeamMember(Membership membership, User user) {}

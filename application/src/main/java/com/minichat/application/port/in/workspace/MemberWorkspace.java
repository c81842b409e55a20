package com.minichat.application.port.in.workspace;

import com.minichat.domain.team.Role;
import com.minichat.domain.workspace.Workspace;

/** A workspace together with the caller's role in it. */
public record MemberWorkspace(Workspace workspace, Role role) {}

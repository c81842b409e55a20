package com.minichat.application.port.out.workspace;

import com.minichat.domain.workspace.Workspace;
import java.time.Instant;

/** A soft-deleted workspace and when it was deleted. */
public record DeletedWorkspace(Workspace workspace, Instant deletedAt) {}

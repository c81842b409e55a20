package com.minichat.domain.access;

/** Who is acting on a workspace: a signed-in user or a workspace API key. */
public sealed interface Actor permits UserActor, KeyActor {}

package com.minichat.bench;

/** Which way a call reaches the provider. */
enum Route {
  /** Straight to the stub provider, as an application calling the provider itself would. */
  DIRECT,
  /** Through MiniChat's widget API, which calls the stub provider. */
  MINICHAT
}

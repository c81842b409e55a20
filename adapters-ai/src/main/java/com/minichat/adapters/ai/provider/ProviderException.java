package com.minichat.adapters.ai.provider;

/**
 * A provider call failed. The message names the provider and what went wrong (status, timeout,
 * broken stream) and never the request's API key or text.
 */
public final class ProviderException extends RuntimeException {
  private final boolean retryable;

  /**
   * @param retryable whether the same provider may answer if asked again: timeouts, 429, 5xx and
   *     broken connections are; a refused key or unknown model is not
   */
  public ProviderException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** A failure without an underlying exception, such as an error status or a broken promise. */
  public ProviderException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  /** Whether asking the same provider again may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** Whether an HTTP status means "try again later" rather than "this request is wrong". */
  public static boolean retryableStatus(int status) {
    return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
  }
}

package com.minichat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Sends calls and times them. Calls to the stub and calls to MiniChat go through this one method
 * and this one client, so that the client's own costs fall on both sides alike: the response body
 * is read line by line as it arrives, whether it is a stream of events or one JSON document.
 */
final class TimedHttp {
  private final HttpClient client;

  TimedHttp(HttpClient client) {
    this.client = client;
  }

  /**
   * Sends {@code call} and reads its whole answer.
   *
   * @throws CallFailedException when the status is not 200, the connection fails, or the answer
   *     ends without the line that completes it
   */
  Timing send(Call call) throws CallFailedException, InterruptedException {
    long start = System.nanoTime();
    long firstToken = -1;
    boolean complete = false;
    try {
      HttpResponse<InputStream> response =
          client.send(call.request(), HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        if (response.statusCode() != 200) {
          throw new CallFailedException(call.name() + ": HTTP " + response.statusCode());
        }
        String line;
        while ((line = reader.readLine()) != null) {
          if (firstToken < 0 && call.firstToken().test(line)) {
            firstToken = System.nanoTime() - start;
          }
          if (!complete && call.complete().test(line)) {
            complete = true;
          }
        }
      }
    } catch (IOException e) {
      throw new CallFailedException(call.name() + ": " + e.getClass().getSimpleName());
    }
    long total = System.nanoTime() - start;
    if (!complete) {
      throw new CallFailedException(call.name() + ": incomplete answer");
    }
    return new Timing(firstToken, total);
  }
}

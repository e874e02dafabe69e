package io.piobuildpack.core.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw HTTP against a running event server with the JDK's client, for exact status and body checks. */
final class ApiClient {

  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http;

  ApiClient(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  Reply get(String target) {
    return send(request(target).GET());
  }

  Reply delete(String target) {
    return send(request(target).DELETE());
  }

  Reply post(String target, String json) {
    return post(target, json, "application/json");
  }

  Reply post(String target, String body, String contentType) {
    HttpRequest.Builder builder = request(target).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  HttpRequest.Builder request(String target) {
    return HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(30));
  }

  Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status, body and the whole response. */
  record Reply(int status, String body, HttpResponse<String> response) {

    /** The {@code eventId} in the body. */
    String eventId() {
      Matcher matcher = EVENT_ID.matcher(body);
      if (!matcher.find()) {
        throw new AssertionError("no eventId in " + status + " " + body);
      }
      return matcher.group(1);
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}

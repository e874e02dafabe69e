package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one URL into a file while digesting it, with the JDK {@link HttpClient}: redirects followed (not from
 * https to http), connect and read timeouts, retries with exponential backoff on connection errors, timeouts, cut
 * bodies and HTTP 5xx/408/429 (never on other 4xx), the proxy chosen by an {@link EnvironmentProxySelector}, and a
 * User-Agent naming the toolkit. {@code file:} URLs (a local mirror) are copied the same way, without retries.
 *
 * <p>The file is written exactly as received; whether it may be used is the caller's decision after comparing
 * {@link Result#checksum()} with the expected value. A failed attempt leaves no bytes behind: the target is
 * truncated by the next attempt and deleted when every attempt fails.
 */
public final class HttpFetcher {

  /** The outcome of a successful fetch: bytes written and their digest. */
  public record Result(long bytes, Checksum checksum) {}

  private static final long POLL_MILLIS = 50;

  private final DownloadSettings settings;
  private final HttpClient client;

  /** A fetcher with these settings and proxy choice. */
  public HttpFetcher(DownloadSettings settings, ProxySelector proxy) {
    this.settings = settings;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(settings.connectTimeout())
        .proxy(proxy)
        .build();
  }

  /**
   * Fetches {@code url} into {@code target} (replaced), digesting with {@code algorithm}.
   *
   * @param artifact what is downloaded, for events and messages
   * @throws DownloadFailedException when no attempt produced the complete body; {@code target} is deleted
   */
  public Result fetch(Artifact artifact, URI url, Path target, ChecksumAlgorithm algorithm, InstallListener listener)
      throws DownloadFailedException {
    listener.downloading(artifact, url);
    if ("file".equalsIgnoreCase(url.getScheme())) {
      return copyLocal(url, target, algorithm);
    }
    Failure last = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      try {
        return attempt(artifact, url, target, algorithm, listener);
      } catch (Failure failure) {
        last = failure;
        if (!failure.retryable) {
          deleteQuietly(target);
          throw new DownloadFailedException(url,
              "Download of " + Urls.forLog(url) + " failed: " + failure.getMessage() + " (not retried).", failure.getCause());
        }
        if (attempt < settings.attempts()) {
          Duration delay = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
          listener.retrying(artifact, url, attempt, settings.attempts(), failure.getMessage(), delay);
          pause(delay);
        }
      }
    }
    deleteQuietly(target);
    throw new DownloadFailedException(url, "Download of " + Urls.forLog(url) + " failed after " + settings.attempts()
        + (settings.attempts() == 1 ? " attempt: " : " attempts: ") + last.getMessage() + ".", last.getCause());
  }

  private Result attempt(Artifact artifact, URI url, Path target, ChecksumAlgorithm algorithm,
      InstallListener listener) throws Failure {
    HttpRequest request = HttpRequest.newBuilder(url)
        .header("User-Agent", settings.userAgent())
        .GET()
        .build();
    MessageDigest digest = algorithm.newDigest();
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      FileBody body = new FileBody(channel, digest);
      CompletableFuture<HttpResponse<Long>> response = client.sendAsync(request, info -> {
        body.contentLength = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return info.statusCode() == 200
            ? body
            : HttpResponse.BodySubscribers.replacing(-1L);
      });
      ProgressMeter meter = new ProgressMeter(settings.progressInterval(), System::nanoTime);
      long readTimeoutNanos = settings.readTimeout().toNanos();
      HttpResponse<Long> done;
      long reported = -1;
      while (true) {
        try {
          done = response.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException waiting) {
          if (body.started && meter.due(body.bytes, body.contentLength)) {
            reported = body.bytes;
            listener.progress(artifact, reported, body.contentLength);
          }
          if (System.nanoTime() - body.lastActivity > readTimeoutNanos) {
            body.cancel();
            response.cancel(true);
            throw new Failure(true, "no data received for " + describe(settings.readTimeout())
                + " (read timeout" + (body.started ? ", after " + body.bytes + " bytes" : "") + ")", null);
          }
        } catch (ExecutionException e) {
          throw classify(e.getCause(), body);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          response.cancel(true);
          throw new Failure(false, "interrupted", e);
        }
      }
      int status = done.statusCode();
      if (status != 200) {
        boolean retry = status >= 500 || status == 408 || status == 429;
        throw new Failure(retry, "HTTP " + status, null);
      }
      if (body.contentLength >= 0 && body.bytes != body.contentLength) {
        throw new Failure(true, "the connection closed after " + body.bytes + " of " + body.contentLength
            + " bytes", null);
      }
      if (body.bytes != reported) {
        listener.progress(artifact, body.bytes, body.contentLength); // the last line says the whole file arrived
      }
      return new Result(body.bytes, Checksum.of(algorithm, digest.digest()));
    } catch (IOException e) {
      throw new Failure(false, "cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static Failure classify(Throwable cause, FileBody body) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new Failure(true, "connect timed out", cause);
    }
    if (cause instanceof ConnectException) {
      return new Failure(true, "cannot connect (" + cause.getClass().getSimpleName() + ")", cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new Failure(true, "timed out", cause);
    }
    if (body.started && body.contentLength >= 0 && body.bytes < body.contentLength) {
      return new Failure(true, "the connection closed after " + body.bytes + " of " + body.contentLength
          + " bytes", cause);
    }
    if (cause instanceof IOException) {
      String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return new Failure(true, "connection error (" + message + ")", cause);
    }
    return new Failure(false, "unexpected error (" + cause + ")", cause);
  }

  private Result copyLocal(URI url, Path target, ChecksumAlgorithm algorithm) throws DownloadFailedException {
    MessageDigest digest = algorithm.newDigest();
    long bytes = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(Path.of(url));
        FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        bytes += n;
      }
      return new Result(bytes, Checksum.of(algorithm, digest.digest()));
    } catch (NoSuchFileException e) {
      deleteQuietly(target);
      throw new DownloadFailedException(url, "Copy of " + Urls.forLog(url) + " failed: the file does not exist.", e);
    } catch (IOException e) {
      deleteQuietly(target);
      throw new DownloadFailedException(url, "Copy of " + Urls.forLog(url) + " failed: " + e.getMessage() + ".", e);
    }
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort: a left-over temporary file is removed by the next run
    }
  }

  /** One failed attempt; retryable or not. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    Failure(boolean retryable, String message, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }
  }

  /** Writes the body to the file and the digest as it arrives, one buffer list at a time. */
  private static final class FileBody implements HttpResponse.BodySubscriber<Long> {
    private final FileChannel channel;
    private final MessageDigest digest;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    volatile long bytes;
    volatile long contentLength = -1;
    volatile long lastActivity = System.nanoTime();
    volatile boolean started;

    FileBody(FileChannel channel, MessageDigest digest) {
      this.channel = channel;
      this.digest = digest;
    }

    @Override
    public CompletionStage<Long> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      started = true;
      lastActivity = System.nanoTime();
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      try {
        for (ByteBuffer item : items) {
          digest.update(item.duplicate());
          while (item.hasRemaining()) {
            bytes += channel.write(item);
          }
        }
        lastActivity = System.nanoTime();
        subscription.request(1);
      } catch (IOException e) {
        subscription.cancel();
        result.completeExceptionally(e);
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(bytes);
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(new IOException("cancelled: read timeout"));
    }
  }
}

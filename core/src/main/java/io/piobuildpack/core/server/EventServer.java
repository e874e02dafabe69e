package io.piobuildpack.core.server;

import io.piobuildpack.core.server.api.EventApi;
import io.piobuildpack.core.store.EventStore;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PredictionIO's Event Server on Jetty 12 (core handlers): starts serving an event store, and stops gracefully.
 * The store stays the caller's to close, after {@link #stop()}.
 */
public final class EventServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventServer.class);
  private static final int ACCEPTORS = 1;
  private static final int SELECTORS = 1;
  /** Threads kept for accepting and selecting connections and Jetty's own tasks. */
  private static final int RESERVED_THREADS = 4;
  private static final int MAX_WAIT_SECONDS = 10;

  /**
   * Jetty's default URI rules, plus the percent-encoded {@code /}, {@code %}, {@code \} and {@code ;} that an
   * event id may hold: the PredictionIO SDKs percent-encode the id in {@code /events/<id>.json}, and the router
   * decodes each segment only after splitting the path (see {@code PathTemplate}), so these encodings are not
   * ambiguous here. Nothing is served from files, so there is no path to traverse.
   */
  private static final UriCompliance EVENT_ID_PATHS = UriCompliance.DEFAULT.with("PIO_EVENT_IDS",
      UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
      UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS, UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER);
  private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
  private static final long COMPRESSED_OOPS_HEAP_LIMIT = 32L << 30;

  static {
    declareReferencesPerCacheLine();
  }

  private final Server jetty;
  private final ServerConnector connector;
  private final GracefulHandler graceful;
  private final EventApi api;
  private final EventServerConfig config;
  private final Duration startup;

  private EventServer(Server jetty, ServerConnector connector, GracefulHandler graceful, EventApi api,
      EventServerConfig config, Duration startup) {
    this.jetty = jetty;
    this.connector = connector;
    this.graceful = graceful;
    this.api = api;
    this.config = config;
    this.startup = startup;
  }

  /**
   * Starts serving the store and logs where, and how long it took.
   *
   * @throws EventServerStartException when the address cannot be bound
   */
  public static EventServer start(EventServerConfig config, EventStore store) {
    long begin = System.nanoTime();
    EventApi api = EventApi.create(store, config.stats(), config.keyCacheTtl(), config.storageRetryInterval());
    Jetty jetty = Jetty.build(config, new JettyApiHandler(api, config.maxBodyBytes()));
    try {
      jetty.server().start();
    } catch (Exception e) {
      stopQuietly(jetty.server());
      api.close();
      throw new EventServerStartException(config.address(), e);
    }
    Duration startup = Duration.ofNanos(System.nanoTime() - begin);
    EventServer server = new EventServer(jetty.server(), jetty.connector(), jetty.graceful(), api, config, startup);
    LOG.info("Event server listening on {}:{} ({}{}); ready in {} ms{}", config.address().host(), server.port(),
        store.describe(), config.stats() ? ", --stats" : "", startup.toMillis(), sinceJvmStart());
    return server;
  }

  /**
   * Does, on the calling thread, the one-time initialisation every start needs whatever the store and the
   * options: Jetty's classes and static tables (by building, not starting, a server like {@link #start}'s) and
   * the JSON codecs. {@code pio-data eventserver} runs it on a background thread while it parses its arguments
   * and opens the store. Binds nothing and starts no thread.
   */
  public static void warmUp() {
    EventApi.warmUp();
    Jetty.build(EventServerConfig.defaults(ListenAddress.defaults()), new NotServing());
  }

  /** The port it listens on (the bound one when 0 was asked for). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://<host>:<port>} with {@code 127.0.0.1} for a wildcard host, for clients on this machine. */
  public URI uri() {
    String host = config.address().host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    return URI.create("http://" + host + ":" + port());
  }

  /** Requests being handled or waiting for admission now (what a graceful stop waits for). */
  public long requestsInFlight() {
    return graceful.getCurrentRequestCount();
  }

  /** From {@link #start} being called to serving. */
  public Duration startupTime() {
    return startup;
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /**
   * Stops gracefully: stops accepting connections, lets requests in flight finish for at most the stop timeout
   * (requests arriving meanwhile on open connections get 503), then closes connections and threads.
   */
  public void stop() {
    if (jetty.isStopped()) {
      return;
    }
    long begin = System.nanoTime();
    LOG.info("Event server stopping (waiting up to {} ms for requests in flight)", config.stopTimeout().toMillis());
    stopQuietly(jetty);
    api.close();
    LOG.info("Event server stopped in {} ms", Duration.ofNanos(System.nanoTime() - begin).toMillis());
  }

  @Override
  public void close() {
    stop();
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (TimeoutException e) {
      LOG.info("Stop timeout reached: closed the connections still open");
    } catch (Exception e) {
      LOG.warn("Event server did not stop cleanly: {}", e.toString());
    }
  }

  /**
   * Jetty pads its queues to the cache line, and without this property asks the JVM through JMX whether object
   * references are compressed: starting the platform MBean server takes about 0.2 s, a fifth of the start-up
   * budget. References are compressed (4 bytes, 16 per 64-byte line) below a 32 GiB heap, the JVM's default; a
   * wrong guess only changes padding. An explicit setting wins.
   */
  private static void declareReferencesPerCacheLine() {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      boolean compressed = Runtime.getRuntime().maxMemory() < COMPRESSED_OOPS_HEAP_LIMIT;
      System.setProperty(REFERENCES_PER_CACHE_LINE, compressed ? "16" : "8");
    }
  }

  /** The Jetty object graph of a server, built but not started. */
  private record Jetty(Server server, ServerConnector connector, GracefulHandler graceful) {

    static Jetty build(EventServerConfig config, Handler api) {
      QueuedThreadPool threads = new QueuedThreadPool(config.maxThreads(), EventServerConfig.MIN_THREADS);
      threads.setName("eventserver");
      Server server = new Server(threads);
      ServerConnector connector = new ServerConnector(server, ACCEPTORS, SELECTORS,
          new HttpConnectionFactory(http(config)));
      connector.setHost(config.address().host());
      connector.setPort(config.address().port());
      connector.setIdleTimeout(config.idleTimeout().toMillis());
      server.addConnector(connector);
      GracefulHandler graceful = new GracefulHandler(admission(config, api));
      server.setHandler(graceful);
      server.setErrorHandler(new JsonErrorHandler());
      if (config.accessLog()) {
        server.setRequestLog(new MaskedRequestLog());
      }
      server.setStopTimeout(config.stopTimeout().toMillis());
      server.setStopAtShutdown(false);
      return new Jetty(server, connector, graceful);
    }

    /**
     * Bounds the work: at most {@code maxThreads - }{@value EventServer#RESERVED_THREADS} requests are handled at once (each
     * holds a thread while it waits for the database), at most {@code maxQueuedRequests} more wait, each for at
     * most {@value EventServer#MAX_WAIT_SECONDS} s, without holding a thread; beyond that the answer is 503.
     */
    private static QoSHandler admission(EventServerConfig config, Handler api) {
      QoSHandler admission = new QoSHandler(api);
      admission.setMaxRequestCount(config.maxThreads() - RESERVED_THREADS);
      admission.setMaxSuspendedRequestCount(config.maxQueuedRequests());
      admission.setMaxSuspend(Duration.ofSeconds(MAX_WAIT_SECONDS));
      admission.setRejectStatusCode(503);
      return admission;
    }

    private static HttpConfiguration http(EventServerConfig config) {
      HttpConfiguration http = new HttpConfiguration();
      http.setSendServerVersion(false);
      http.setSendXPoweredBy(false);
      http.setRequestHeaderSize(config.maxHeaderBytes());
      http.setUriCompliance(EVENT_ID_PATHS);
      http.setIdleTimeout(config.idleTimeout().toMillis());
      return http;
    }
  }

  /** The handler of a server that is only built, never started (see {@link #warmUp()}). */
  private static final class NotServing extends Handler.Abstract {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      return false;
    }
  }

  /** The JVM's own uptime (from its start, in milliseconds), read after the server serves. */
  private static String sinceJvmStart() {
    return ", " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after JVM start";
  }

}

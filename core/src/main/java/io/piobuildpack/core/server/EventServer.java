package io.piobuildpack.core.server;

import io.piobuildpack.core.server.api.EventApi;
import io.piobuildpack.core.store.EventStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
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
    QueuedThreadPool threads = new QueuedThreadPool(config.maxThreads(), EventServerConfig.MIN_THREADS);
    threads.setName("eventserver");
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http(config)));
    connector.setHost(config.address().host());
    connector.setPort(config.address().port());
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    jetty.addConnector(connector);
    GracefulHandler graceful = new GracefulHandler(admission(config, new JettyApiHandler(api, config.maxBodyBytes())));
    jetty.setHandler(graceful);
    jetty.setErrorHandler(new JsonErrorHandler());
    if (config.accessLog()) {
      jetty.setRequestLog(new MaskedRequestLog());
    }
    jetty.setStopTimeout(config.stopTimeout().toMillis());
    jetty.setStopAtShutdown(false);
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      api.close();
      throw new EventServerStartException(config.address(), e);
    }
    Duration startup = Duration.ofNanos(System.nanoTime() - begin);
    EventServer server = new EventServer(jetty, connector, graceful, api, config, startup);
    LOG.info("Event server listening on {}:{} ({}{}); ready in {} ms{}", config.address().host(), server.port(),
        store.describe(), config.stats() ? ", --stats" : "", startup.toMillis(), sinceJvmStart());
    return server;
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

  /**
   * Bounds the work: at most {@code maxThreads - }{@value #RESERVED_THREADS} requests are handled at once (each
   * holds a thread while it waits for the database), at most {@code maxQueuedRequests} more wait, each for at
   * most {@value #MAX_WAIT_SECONDS} s, without holding a thread; beyond that the answer is 503.
   */
  private static QoSHandler admission(EventServerConfig config, JettyApiHandler api) {
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
    http.setIdleTimeout(config.idleTimeout().toMillis());
    return http;
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

  private static String sinceJvmStart() {
    Optional<Instant> started = ProcessHandle.current().info().startInstant();
    return started.map(at -> ", " + Duration.between(at, Instant.now()).toMillis() + " ms after JVM start")
        .orElse("");
  }
}

package io.piobuildpack.it.artifacts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * What the stand-in {@code pio deploy} runs: a tiny HTTP server in place of PredictionIO's engine server, so that a
 * deployed web process can be probed. It answers {@code GET /} with 200 and {@code {"status":"alive","engine":
 * "stand-in"}}, {@code POST /queries.json} with 200 and {@code {}}, anything else with 404, and runs until the process
 * is stopped (SIGTERM ends it as it ends any JVM).
 *
 * <p>Packed by {@link StandInArtifacts} into the stand-in PredictionIO distribution as a one-class jar, so it must stay
 * one class using only the JDK (lambdas are fine: they create no class file).
 *
 * <p>Usage: {@code java -cp <jar> io.piobuildpack.it.artifacts.StandInEngineServer <ip> <port> [<listening file>]};
 * once bound it prints PredictionIO's "Engine is deployed and running" line and writes the port to the listening file,
 * which it deletes on exit.
 */
public final class StandInEngineServer {

  /** The body of {@code GET /}. */
  public static final String STATUS_BODY = "{\"status\":\"alive\",\"engine\":\"stand-in\"}";

  private StandInEngineServer() {}

  /**
   * Serves until the process is stopped.
   *
   * @param args the address to bind, the port, and optionally a file to write the port into once listening
   * @throws IOException when the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: StandInEngineServer <ip> <port> [<listening file>]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[1]);
    HttpServer server = HttpServer.create(new InetSocketAddress(args[0], port), 50);
    server.createContext("/", StandInEngineServer::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    if (args.length > 2) {
      Path listening = Path.of(args[2]);
      Files.writeString(listening, Integer.toString(port));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Files.deleteIfExists(listening);
        } catch (IOException e) {
          // the process is ending; a left-over file only makes deployListening() stale
        }
      }));
    }
    System.out.println("[INFO] [CreateServer] Engine is deployed and running. Engine API is live at http://"
        + args[0] + ":" + port + ".");
    System.out.flush();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/") && method.equals("GET")) {
        send(exchange, 200, STATUS_BODY);
      } else if (path.equals("/queries.json") && method.equals("POST")) {
        send(exchange, 200, "{}");
      } else {
        send(exchange, 404, "{\"message\":\"not found\"}");
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

package io.piobuildpack.core.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The benchmark's baseline: the JDK's own HTTP server answering the Event API's write routes without storage or
 * validation ({@code 201 {"eventId":...}} for a single event, 200 with 50 results for a batch, and PredictionIO's
 * {@code {"status":"alive"}} for anything else). It shows what the HTTP layer alone costs on this machine.
 */
public final class MinimalHttpServer {

  private MinimalHttpServer() {}

  public static void main(String[] args) throws IOException {
    // without it the JDK server's separate header and body writes meet the client's delayed ACK: 40 ms a request
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.createContext("/", exchange -> answer(exchange, 200, "{\"status\":\"alive\"}"));
    server.createContext("/events.json", exchange -> answer(exchange, 201, "{\"eventId\":\"" + id() + "\"}"));
    server.createContext("/batch/events.json", exchange -> {
      StringBuilder results = new StringBuilder("[");
      for (int i = 0; i < 50; i++) {
        results.append(i == 0 ? "" : ",").append("{\"status\":201,\"eventId\":\"").append(id()).append("\"}");
      }
      answer(exchange, 200, results.append(']').toString());
    });
    server.start();
    System.out.println("Minimal server listening on 127.0.0.1:" + server.getAddress().getPort());
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String id() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}

package io.piobuildpack.core.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.piobuildpack.core.config.StorageSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The benchmark suite's ceiling for this architecture: the event server's HTTP stack (Jetty 12, a thread pool of
 * 32 and 8 minimum) and connection pool (HikariCP, {@value StorageSettings#DEFAULT_MAX_CONNECTIONS} connections,
 * one kept idle), with a handler that stores a fixed row per request and does nothing else: no JSON parsing, no
 * validation, no access-key lookup, no access log.
 *
 * <ul>
 *   <li>{@code POST /events.json}: reads the body, inserts one fixed row (autocommit), answers
 *       {@code 201 {"eventId":"<32 hex>"}}.
 *   <li>{@code POST /batch/events.json}: reads the body, inserts 50 fixed rows as one JDBC batch in one
 *       transaction, answers {@code 200} with one {@code {"status":201,"eventId":…}} per row.
 *   <li>{@code GET /events.json?entityType=T&entityId=I}: the event server's query for one entity (eventTime
 *       ascending, limit 20), each row written as a JSON object of its string columns.
 *   <li>anything else: {@code 200 {"status":"alive"}}.
 * </ul>
 *
 * <p>Arguments: port (0 for any), JDBC URL, event table written, event table read. Prints
 * {@code listening on 127.0.0.1:<port>}.
 */
public final class MinimalIngestServer {

  private static final byte[] ALIVE = "{\"status\":\"alive\"}".getBytes(StandardCharsets.UTF_8);
  private static final int BATCH = 50;

  private MinimalIngestServer() {}

  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[1]);
    config.setMaximumPoolSize(StorageSettings.DEFAULT_MAX_CONNECTIONS);
    config.setMinimumIdle(1);
    HikariDataSource pool = new HikariDataSource(config);
    String table = args[2];
    String insert = "INSERT INTO " + table + " VALUES (?, 'rate', 'user', 'u1', 'item', 'i1', '{\"rating\":4}', ?, "
        + "'UTC', NULL, NULL, ?, 'UTC')";
    String select = "SELECT id, event, entityType, entityId, targetEntityType, targetEntityId, properties FROM " + args[3]
        + " WHERE entityType = ? AND entityId = ? ORDER BY eventTime ASC LIMIT 20";
    Server server = new Server(new QueuedThreadPool(32, 8));
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        byte[] answer;
        if ("POST".equals(request.getMethod())) {
          Content.Source.asString(request, StandardCharsets.UTF_8);
          boolean batch = path.startsWith("/batch/");
          answer = insert(pool, insert, batch ? BATCH : 1, batch).getBytes(StandardCharsets.UTF_8);
          response.setStatus(batch ? 200 : 201);
        } else if (path.equals("/events.json")) {
          Fields query = Request.extractQueryParameters(request);
          answer = select(pool, select, query.getValue("entityType"), query.getValue("entityId"))
              .getBytes(StandardCharsets.UTF_8);
          response.setStatus(200);
        } else {
          answer = ALIVE;
          response.setStatus(200);
        }
        response.getHeaders().put("Content-Type", "application/json; charset=UTF-8");
        response.write(true, ByteBuffer.wrap(answer), callback);
        return true;
      }
    });
    server.start();
    System.out.println("Minimal ingest server listening on 127.0.0.1:" + connector.getLocalPort());
  }

  private static String insert(HikariDataSource pool, String sql, int rows, boolean batch) throws SQLException {
    StringBuilder answer = new StringBuilder(batch ? "[" : "");
    try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      connection.setAutoCommit(!batch);
      Timestamp now = new Timestamp(System.currentTimeMillis());
      for (int i = 0; i < rows; i++) {
        String id = UUID.randomUUID().toString().replace("-", "");
        statement.setString(1, id);
        statement.setTimestamp(2, now);
        statement.setTimestamp(3, now);
        if (batch) {
          statement.addBatch();
          answer.append(i == 0 ? "" : ",").append("{\"status\":201,\"eventId\":\"").append(id).append("\"}");
        } else {
          statement.executeUpdate();
          answer.append("{\"eventId\":\"").append(id).append("\"}");
        }
      }
      if (batch) {
        statement.executeBatch();
        connection.commit();
        connection.setAutoCommit(true);
      }
    }
    return batch ? answer.append(']').toString() : answer.toString();
  }

  private static String select(HikariDataSource pool, String sql, String entityType, String entityId)
      throws SQLException {
    StringBuilder answer = new StringBuilder("[");
    try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, entityType);
      statement.setString(2, entityId);
      try (ResultSet rows = statement.executeQuery()) {
        int n = 0;
        while (rows.next()) {
          answer.append(n++ == 0 ? "{" : ",{");
          for (int column = 1; column <= 7; column++) {
            answer.append(column == 1 ? "\"" : ",\"").append(column).append("\":\"").append(String.valueOf(rows.getString(column)).replace("\"", "\\\""))
                .append('"');
          }
          answer.append('}');
        }
      }
    }
    return answer.append(']').toString();
  }
}

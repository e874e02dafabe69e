package io.piobuildpack.it.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An app as the original heroku/predictionio-buildpack left it in PostgreSQL, written with plain JDBC exactly as
 * PredictionIO's own JDBC storage writes it, without this project's store or hooks: the original's release ran
 * {@code pio app new --access-key KEY NAME} then {@code pio import --appid ID --input data/initial-events.json}
 * (https://github.com/heroku/predictionio-buildpack/blob/master/bin/engine/heroku-buildpack-pio-load-data).
 *
 * <p>Tables and rows as PredictionIO 0.12's {@code JDBCApps}, {@code JDBCAccessKeys}, {@code JDBCChannels} and
 * {@code JDBCLEvents}/{@code JDBCPEvents} make them
 * (https://github.com/apache/predictionio/tree/v0.12.0-incubating/storage/jdbc/src/main/scala/org/apache/predictionio/data/storage/jdbc):
 * default prefixes {@code pio_meta} and {@code pio_event}, an event without {@code eventId} gets a generated id (a
 * UUID without dashes, {@code JDBCUtils.generateId}), empty properties and tags are {@code NULL}, times are written as
 * the dyno's JVM (UTC) writes a {@code java.sql.Timestamp}, and no initial-load checkpoint exists.
 */
final class OriginalBuildpackData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OriginalBuildpackData() {}

  /**
   * What {@code pio app new --access-key KEY NAME} then {@code pio import} of {@code eventLines} (PredictionIO's
   * batch format, one JSON event per line) leave in the database.
   *
   * @return the stored event ids, in file order
   */
  static List<String> appWithImportedEvents(TestDatabase database, String appName, String accessKey,
      String eventLines) throws SQLException, IOException {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("create table if not exists pio_meta_apps (id serial not null primary key, name text not null, "
            + "description text)");
        ddl.execute("create table if not exists pio_meta_accesskeys (accesskey varchar(64) not null primary key, "
            + "appid integer not null, events text)");
        ddl.execute("create table if not exists pio_meta_channels (id serial not null primary key, "
            + "name text not null, appid integer not null)");
      }
      int appId;
      try (PreparedStatement app = connection.prepareStatement(
          "insert into pio_meta_apps (name, description) values (?, null) returning id")) {
        app.setString(1, appName);
        try (ResultSet id = app.executeQuery()) {
          id.next();
          appId = id.getInt(1);
        }
      }
      try (PreparedStatement key = connection.prepareStatement(
          "insert into pio_meta_accesskeys (accesskey, appid, events) values (?, ?, ?)")) {
        key.setString(1, accessKey);
        key.setInt(2, appId);
        key.setString(3, "");
        key.executeUpdate();
      }
      String table = "pio_event_" + appId;
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("create table if not exists " + table + " (id varchar(32) not null primary key, "
            + "event text not null, entityType text not null, entityId text not null, targetEntityType text, "
            + "targetEntityId text, properties text, eventTime timestamp DEFAULT CURRENT_TIMESTAMP, "
            + "eventTimeZone varchar(50) not null, tags text, prId text, "
            + "creationTime timestamp DEFAULT CURRENT_TIMESTAMP, creationTimeZone varchar(50) not null)");
      }
      List<String> ids = new ArrayList<>();
      Instant now = Instant.now();
      try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " values "
          + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (String line : eventLines.split("\\R")) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode event = JSON.readTree(line);
          String id = event.hasNonNull("eventId") ? event.get("eventId").asText()
              : UUID.randomUUID().toString().replace("-", "");
          ids.add(id);
          insert.setString(1, id);
          insert.setString(2, event.get("event").asText());
          insert.setString(3, event.get("entityType").asText());
          insert.setString(4, event.get("entityId").asText());
          insert.setString(5, text(event, "targetEntityType"));
          insert.setString(6, text(event, "targetEntityId"));
          JsonNode properties = event.path("properties");
          insert.setString(7, properties.isObject() && !properties.isEmpty()
              ? JSON.writeValueAsString(properties) : null);
          Instant eventTime = event.hasNonNull("eventTime")
              ? OffsetDateTime.parse(event.get("eventTime").asText()).toInstant() : now;
          insert.setTimestamp(8, utc(eventTime));
          insert.setString(9, "UTC");
          insert.setString(10, null);
          insert.setString(11, null);
          insert.setTimestamp(12, utc(now));
          insert.setString(13, "UTC");
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
      return ids;
    }
  }

  private static String text(JsonNode event, String field) {
    return event.hasNonNull(field) ? event.get(field).asText() : null;
  }

  /** A {@code timestamp} column value as a JVM running in UTC (a dyno) writes it. */
  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}

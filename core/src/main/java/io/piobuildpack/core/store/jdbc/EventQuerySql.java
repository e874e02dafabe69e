package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.store.EventQuery;
import io.piobuildpack.core.store.TargetFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code LEvents.find}: a conjunction of the given filters, with bound parameters, ordered by event
 * time, with an optional limit (PredictionIO's {@code JDBCLEvents.find},
 * https://github.com/apache/predictionio/blob/v0.14.0/storage/jdbc/src/main/scala/org/apache/predictionio/data/storage/jdbc/JDBCLEvents.scala).
 */
final class EventQuerySql {

  private final String sql;
  private final List<Object> parameters;

  private EventQuerySql(String sql, List<Object> parameters) {
    this.sql = sql;
    this.parameters = parameters;
  }

  static EventQuerySql of(String table, EventQuery query) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    query.time().startOpt().ifPresent(start -> {
      conditions.add("eventtime >= ?");
      parameters.add(start);
    });
    query.time().untilOpt().ifPresent(until -> {
      conditions.add("eventtime < ?");
      parameters.add(until);
    });
    if (query.entityType() != null) {
      conditions.add("entitytype = ?");
      parameters.add(query.entityType());
    }
    if (query.entityId() != null) {
      conditions.add("entityid = ?");
      parameters.add(query.entityId());
    }
    if (!query.eventNames().isEmpty()) {
      conditions.add("(" + String.join(" OR ", query.eventNames().stream().map(name -> "event = ?").toList())
          + ")");
      parameters.addAll(query.eventNames());
    }
    target("targetentitytype", query.targetEntityType(), conditions, parameters);
    target("targetentityid", query.targetEntityId(), conditions, parameters);
    StringBuilder sql = new StringBuilder("SELECT ").append(EventColumns.LIST).append(" FROM ").append(table);
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(" ORDER BY eventtime ").append(query.reversed() ? "DESC" : "ASC");
    if (query.hasLimit()) {
      sql.append(" LIMIT ?");
      parameters.add(query.limit());
    }
    return new EventQuerySql(sql.toString(), parameters);
  }

  String sql() {
    return sql;
  }

  void bind(PreparedStatement statement, Dialect dialect) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object value = parameters.get(i);
      if (value instanceof Instant instant) {
        dialect.bindTime(statement, i + 1, instant);
      } else if (value instanceof Integer number) {
        statement.setInt(i + 1, number);
      } else {
        statement.setString(i + 1, (String) value);
      }
    }
  }

  private static void target(String column, TargetFilter filter, List<String> conditions,
      List<Object> parameters) {
    switch (filter.kind()) {
      case ABSENT -> conditions.add(column + " IS NULL");
      case EQUAL -> {
        conditions.add(column + " = ?");
        parameters.add(filter.value());
      }
      default -> { }
    }
  }
}

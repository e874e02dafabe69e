package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.AppNotFoundException;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.ChannelNotFoundException;
import io.piobuildpack.core.store.EventScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of the apps and channels tables on a given connection, shared by the repositories. */
final class MetadataQueries {

  private final TableNames tables;

  MetadataQueries(TableNames tables) {
    this.tables = tables;
  }

  Optional<App> appById(Connection connection, int id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, name, description FROM " + tables.apps() + " WHERE id = ?")) {
      select.setInt(1, id);
      return firstApp(select);
    }
  }

  Optional<App> appByName(Connection connection, String name) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, name, description FROM " + tables.apps() + " WHERE name = ? ORDER BY id")) {
      select.setString(1, name);
      return firstApp(select);
    }
  }

  List<Channel> channelsOf(Connection connection, int appId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, name, appid FROM " + tables.channels() + " WHERE appid = ? ORDER BY id")) {
      select.setInt(1, appId);
      List<Channel> channels = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          channels.add(new Channel(rows.getInt(1), rows.getString(2), rows.getInt(3)));
        }
      }
      return channels;
    }
  }

  /**
   * Checks that the app, and the channel if any, of a scope exist.
   *
   * @throws AppNotFoundException or {@link ChannelNotFoundException} when not
   */
  void requireScope(Connection connection, EventScope scope) throws SQLException {
    if (appById(connection, scope.appId()).isEmpty()) {
      throw AppNotFoundException.id(scope.appId());
    }
    if (scope.channelId().isPresent()) {
      int channelId = scope.channelId().getAsInt();
      boolean found = channelsOf(connection, scope.appId()).stream().anyMatch(c -> c.id() == channelId);
      if (!found) {
        throw new ChannelNotFoundException(scope.appId(), "ID " + channelId);
      }
    }
  }

  private static Optional<App> firstApp(PreparedStatement select) throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(new App(rows.getInt(1), rows.getString(2), rows.getString(3)))
          : Optional.empty();
    }
  }
}

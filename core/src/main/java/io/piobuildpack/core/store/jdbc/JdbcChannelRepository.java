package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.store.AppNotFoundException;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.ChannelAlreadyExistsException;
import io.piobuildpack.core.store.ChannelNotFoundException;
import io.piobuildpack.core.store.ChannelRepository;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.InvalidChannelNameException;
import io.piobuildpack.core.store.StorageException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** Channels in {@code <prefix>_channels}, each with its event table {@code <event>_<app>_<channel>}. */
final class JdbcChannelRepository implements ChannelRepository {

  private final Database database;
  private final MetadataQueries metadata;
  private final SchemaManager schema;

  JdbcChannelRepository(Database database, MetadataQueries metadata, SchemaManager schema) {
    this.database = database;
    this.metadata = metadata;
    this.schema = schema;
  }

  @Override
  public Channel create(int appId, String name) {
    if (!Channel.isValidName(name)) {
      throw new InvalidChannelNameException(name);
    }
    return database.inTransaction("create channel " + name, null, connection -> {
      database.dialect().lockMetadata(connection, database.tables());
      if (metadata.appById(connection, appId).isEmpty()) {
        throw AppNotFoundException.id(appId);
      }
      if (metadata.channelsOf(connection, appId).stream().anyMatch(c -> c.name().equals(name))) {
        throw new ChannelAlreadyExistsException(appId, name);
      }
      int id;
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO " + database.tables().channels() + " (name, appid) VALUES (?, ?)", new String[] {"id"})) {
        insert.setString(1, name);
        insert.setInt(2, appId);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          if (!keys.next()) {
            throw new StorageException("The database returned no id for channel " + name);
          }
          id = keys.getInt(1);
        }
      }
      schema.createEventTable(connection, EventScope.of(appId, id));
      return new Channel(id, name, appId);
    });
  }

  @Override
  public Optional<Channel> find(int appId, String name) {
    return listByApp(appId).stream().filter(c -> c.name().equals(name)).findFirst();
  }

  @Override
  public List<Channel> listByApp(int appId) {
    return database.withConnection("list channels", null, connection -> metadata.channelsOf(connection, appId));
  }

  @Override
  public void delete(int appId, String name) {
    database.inTransaction("delete channel " + name, null, connection -> {
      database.dialect().lockMetadata(connection, database.tables());
      Channel channel = metadata.channelsOf(connection, appId).stream().filter(c -> c.name().equals(name))
          .findFirst().orElseThrow(() -> new ChannelNotFoundException(appId, name));
      schema.dropEventTable(connection, EventScope.of(appId, channel.id()));
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM " + database.tables().channels() + " WHERE id = ?")) {
        delete.setInt(1, channel.id());
        delete.executeUpdate();
      }
      return null;
    });
  }
}

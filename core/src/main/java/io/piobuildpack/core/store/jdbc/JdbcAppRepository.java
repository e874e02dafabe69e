package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.AppAlreadyExistsException;
import io.piobuildpack.core.store.AppNotFoundException;
import io.piobuildpack.core.store.AppRepository;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.CreatedApp;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.NewApp;
import io.piobuildpack.core.store.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Apps in {@code <prefix>_apps}; creation and deletion include event tables, channels and keys, atomically. */
final class JdbcAppRepository implements AppRepository {

  private final Database database;
  private final MetadataQueries metadata;
  private final SchemaManager schema;
  private final JdbcAccessKeyRepository accessKeys;

  JdbcAppRepository(Database database, MetadataQueries metadata, SchemaManager schema,
      JdbcAccessKeyRepository accessKeys) {
    this.database = database;
    this.metadata = metadata;
    this.schema = schema;
    this.accessKeys = accessKeys;
  }

  @Override
  public CreatedApp create(NewApp request) {
    return database.inTransaction("create app " + request.name(), null, connection -> create(connection, request));
  }

  /** Creates the app, its event table and its key on the caller's connection, inside the caller's transaction. */
  CreatedApp create(Connection connection, NewApp request) throws SQLException {
    if (request.name().isBlank()) {
      throw new IllegalArgumentException("the app name must not be blank");
    }
    if (request.id() != null && request.id() < 1) {
      throw new IllegalArgumentException("an explicit app id must be positive, not " + request.id());
    }
    database.dialect().lockMetadata(connection, database.tables());
    if (metadata.appByName(connection, request.name()).isPresent()) {
      throw new AppAlreadyExistsException(request.name());
    }
    if (request.id() != null && metadata.appById(connection, request.id()).isPresent()) {
      throw new AppAlreadyExistsException("ID " + request.id());
    }
    int id = request.id() == null ? insertWithGeneratedId(connection, request) : insertWithId(connection, request);
    schema.createEventTable(connection, EventScope.of(id));
    AccessKey key = accessKeys.insert(connection, id, request.accessKey(), request.keyEvents());
    return new CreatedApp(new App(id, request.name(), request.description()), key);
  }

  @Override
  public Optional<App> findById(int id) {
    return database.withConnection("read app " + id, null, connection -> metadata.appById(connection, id));
  }

  @Override
  public Optional<App> findByName(String name) {
    return database.withConnection("read app " + name, null, connection -> metadata.appByName(connection, name));
  }

  @Override
  public List<App> list() {
    return database.withConnection("list apps", null, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id, name, description FROM " + database.tables().apps() + " ORDER BY id");
          ResultSet rows = select.executeQuery()) {
        List<App> apps = new ArrayList<>();
        while (rows.next()) {
          apps.add(new App(rows.getInt(1), rows.getString(2), rows.getString(3)));
        }
        return apps;
      }
    });
  }

  @Override
  public void delete(int appId) {
    database.inTransaction("delete app " + appId, null, connection -> {
      database.dialect().lockMetadata(connection, database.tables());
      if (metadata.appById(connection, appId).isEmpty()) {
        throw AppNotFoundException.id(appId);
      }
      for (Channel channel : metadata.channelsOf(connection, appId)) {
        schema.dropEventTable(connection, EventScope.of(appId, channel.id()));
      }
      schema.dropEventTable(connection, EventScope.of(appId));
      TableNames tables = database.tables();
      deleteWhereAppId(connection, "DELETE FROM " + tables.channels() + " WHERE appid = ?", appId);
      deleteWhereAppId(connection, "DELETE FROM " + tables.accessKeys() + " WHERE appid = ?", appId);
      deleteWhereAppId(connection, "DELETE FROM " + tables.apps() + " WHERE id = ?", appId);
      return null;
    });
  }

  private int insertWithGeneratedId(Connection connection, NewApp request) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + database.tables().apps() + " (name, description) VALUES (?, ?)", new String[] {"id"})) {
      insert.setString(1, request.name());
      insert.setString(2, request.description());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new StorageException("The database returned no id for app " + request.name());
        }
        return keys.getInt(1);
      }
    }
  }

  private int insertWithId(Connection connection, NewApp request) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + database.tables().apps() + " (id, name, description) VALUES (?, ?, ?)")) {
      insert.setInt(1, request.id());
      insert.setString(2, request.name());
      insert.setString(3, request.description());
      insert.executeUpdate();
    }
    database.dialect().afterExplicitAppId(connection, database.tables());
    return request.id();
  }

  private static void deleteWhereAppId(Connection connection, String sql, int appId) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setInt(1, appId);
      delete.executeUpdate();
    }
  }
}

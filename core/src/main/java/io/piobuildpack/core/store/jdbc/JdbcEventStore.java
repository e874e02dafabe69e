package io.piobuildpack.core.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.AccessKeyGenerator;
import io.piobuildpack.core.store.AccessKeyRepository;
import io.piobuildpack.core.store.AppRepository;
import io.piobuildpack.core.store.BulkEventOperations;
import io.piobuildpack.core.store.ChannelRepository;
import io.piobuildpack.core.store.EventRepository;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.StorageUnavailableException;
import java.sql.SQLException;

/**
 * The event store on PostgreSQL or SQLite through one HikariCP pool. Opening it connects and creates the meta
 * tables if they are missing.
 */
public final class JdbcEventStore implements EventStore {

  private static final long CONNECTION_TIMEOUT_MILLIS = 15_000;
  private static final int PING_TIMEOUT_SECONDS = 5;

  private final Database database;
  private final String description;
  private final JdbcAppRepository apps;
  private final JdbcAccessKeyRepository accessKeys;
  private final JdbcChannelRepository channels;
  private final JdbcEventRepository events;
  private final JdbcBulkEventOperations bulk;

  private JdbcEventStore(Database database, StorageSettings settings) {
    this.database = database;
    this.description = database.dialect().name() + " " + settings.describe();
    MetadataQueries metadata = new MetadataQueries(database.tables());
    SchemaManager schema = new SchemaManager(database.dialect(), database.tables(), settings.indexEnabled());
    EventRows rows = new EventRows(database.dialect());
    this.accessKeys = new JdbcAccessKeyRepository(database, metadata, new AccessKeyGenerator());
    this.apps = new JdbcAppRepository(database, metadata, schema, accessKeys);
    this.channels = new JdbcChannelRepository(database, metadata, schema);
    StorableEventCheck check = new StorableEventCheck(settings.indexEnabled(), database.dialect().storesNulCharacters());
    this.events = new JdbcEventRepository(database, rows, check);
    this.bulk = new JdbcBulkEventOperations(database, metadata, rows, events, check, apps);
    database.inTransaction("create the meta tables", null, connection -> {
      database.dialect().lockSchema(connection);
      schema.createMetaTables(connection);
      return null;
    });
  }

  /**
   * Connects and makes sure the meta tables exist.
   *
   * @throws StorageUnavailableException when the database cannot be reached
   * @throws io.piobuildpack.core.config.InvalidStorageSettingsException when the URL names no supported database
   */
  public static JdbcEventStore open(StorageSettings settings) {
    Dialect dialect = Dialects.forUrl(settings.jdbcUrl(), settings.timestampZone());
    StorageFailures failures = new StorageFailures(dialect, settings.maskedJdbcUrl());
    HikariConfig config = new HikariConfig();
    config.setPoolName("pio-store");
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.username());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxConnections());
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    dialect.configure(config, settings);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw failures.unavailable(e.getCause() == null ? e : e.getCause());
    }
    Database database = new Database(pool, dialect,
        new TableNames(settings.metadataPrefix(), settings.eventDataPrefix()), failures);
    try {
      return new JdbcEventStore(database, settings);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  @Override
  public AppRepository apps() {
    return apps;
  }

  @Override
  public AccessKeyRepository accessKeys() {
    return accessKeys;
  }

  @Override
  public ChannelRepository channels() {
    return channels;
  }

  @Override
  public EventRepository events() {
    return events;
  }

  @Override
  public BulkEventOperations bulk() {
    return bulk;
  }

  @Override
  public void ping() {
    database.withConnection("check the connection", null, connection -> {
      if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
        // connection failure (class 08): a dead pooled connection is replaced by a fresh one and tried again
        throw new SQLException("the connection is not valid", "08003");
      }
      return null;
    });
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    database.close();
  }
}

package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.AccessKeyAlreadyExistsException;
import io.piobuildpack.core.store.AccessKeyGenerator;
import io.piobuildpack.core.store.AccessKeyRepository;
import io.piobuildpack.core.store.AppNotFoundException;
import io.piobuildpack.core.store.InvalidAccessKeyException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Access keys in {@code <prefix>_accesskeys}: key, app id, event whitelist joined with {@code ,} or NULL. */
final class JdbcAccessKeyRepository implements AccessKeyRepository {

  private static final int MAX_KEY_LENGTH = 64;

  private final Database database;
  private final MetadataQueries metadata;
  private final AccessKeyGenerator generator;

  JdbcAccessKeyRepository(Database database, MetadataQueries metadata, AccessKeyGenerator generator) {
    this.database = database;
    this.metadata = metadata;
    this.generator = generator;
  }

  @Override
  public AccessKey create(int appId, String key, List<String> events) {
    validate(key, events);
    return database.inTransaction("create an access key", null, connection -> {
      database.dialect().lockMetadata(connection, database.tables());
      if (metadata.appById(connection, appId).isEmpty()) {
        throw AppNotFoundException.id(appId);
      }
      return insert(connection, appId, key, events);
    });
  }

  @Override
  public Optional<AccessKey> find(String key) {
    return database.withConnection("read an access key", null, connection -> {
      List<AccessKey> found = select(connection, " WHERE accesskey = ?", key);
      return found.isEmpty() ? Optional.<AccessKey>empty() : Optional.of(found.get(0));
    });
  }

  @Override
  public List<AccessKey> listByApp(int appId) {
    return database.withConnection("list access keys", null,
        connection -> select(connection, " WHERE appid = ? ORDER BY accesskey", appId));
  }

  @Override
  public List<AccessKey> list() {
    return database.withConnection("list access keys", null,
        connection -> select(connection, " ORDER BY appid, accesskey", null));
  }

  @Override
  public boolean delete(String key) {
    return database.withConnection("delete an access key", null, connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM " + database.tables().accessKeys() + " WHERE accesskey = ?")) {
        delete.setString(1, key);
        return delete.executeUpdate() > 0;
      }
    });
  }

  /**
   * Inserts a key (a generated one when {@code key} is null) on the caller's connection and transaction.
   *
   * @throws AccessKeyAlreadyExistsException when the given key is in use
   */
  AccessKey insert(Connection connection, int appId, String key, List<String> events) throws SQLException {
    validate(key, events);
    String value = key;
    if (value == null) {
      value = generator.next();
    } else if (!select(connection, " WHERE accesskey = ?", value).isEmpty()) {
      throw new AccessKeyAlreadyExistsException();
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + database.tables().accessKeys() + " (accesskey, appid, events) VALUES (?, ?, ?)")) {
      insert.setString(1, value);
      insert.setInt(2, appId);
      insert.setString(3, events == null || events.isEmpty() ? null : String.join(",", events));
      insert.executeUpdate();
    }
    return new AccessKey(value, appId, events);
  }

  private List<AccessKey> select(Connection connection, String where, Object parameter) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT accesskey, appid, events FROM " + database.tables().accessKeys() + where)) {
      if (parameter != null) {
        select.setObject(1, parameter);
      }
      List<AccessKey> keys = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String events = rows.getString(3);
          keys.add(new AccessKey(rows.getString(1), rows.getInt(2),
              events == null || events.isEmpty() ? List.of() : Arrays.asList(events.split(","))));
        }
      }
      return keys;
    }
  }

  private static void validate(String key, List<String> events) {
    if (key != null) {
      if (key.isEmpty()) {
        throw new InvalidAccessKeyException("the key is empty");
      }
      if (key.length() > MAX_KEY_LENGTH) {
        throw new InvalidAccessKeyException("the key is longer than " + MAX_KEY_LENGTH + " characters");
      }
      if (key.startsWith("-")) {
        throw new InvalidAccessKeyException("the key starts with '-'");
      }
    }
    if (events != null) {
      for (String event : events) {
        if (event == null || event.isEmpty() || event.contains(",")) {
          throw new InvalidAccessKeyException("event names in the whitelist must be non-empty and without ','");
        }
      }
    }
  }
}

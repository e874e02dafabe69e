package io.piobuildpack.core.store;

import java.util.List;
import java.util.Optional;

/** Access keys of apps ({@code pio accesskey new|list|delete}). */
public interface AccessKeyRepository {

  /**
   * Adds a key to an app: the given one, or a new 64-character random key when {@code key} is {@code null}.
   *
   * @param events the event whitelist; empty allows every event
   * @throws AppNotFoundException when the app does not exist
   * @throws InvalidAccessKeyException when a supplied key cannot be stored
   * @throws AccessKeyAlreadyExistsException when a supplied key is in use
   */
  AccessKey create(int appId, String key, List<String> events);

  Optional<AccessKey> find(String key);

  List<AccessKey> listByApp(int appId);

  List<AccessKey> list();

  /** Deletes the key; false when there was no such key. */
  boolean delete(String key);
}

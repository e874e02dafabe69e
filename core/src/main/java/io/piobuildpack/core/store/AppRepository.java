package io.piobuildpack.core.store;

import java.util.List;
import java.util.Optional;

/** PredictionIO apps: create (with event table and access key), find, list, delete. */
public interface AppRepository {

  /**
   * Creates the app row, its default event table and its access key in one transaction.
   *
   * @throws AppAlreadyExistsException when the name, or the explicit id, is taken
   * @throws InvalidAccessKeyException when a supplied key cannot be stored
   * @throws AccessKeyAlreadyExistsException when a supplied key is in use
   */
  CreatedApp create(NewApp app);

  Optional<App> findById(int id);

  Optional<App> findByName(String name);

  /** The app of this name. @throws AppNotFoundException when there is none */
  default App getByName(String name) {
    return findByName(name).orElseThrow(() -> new AppNotFoundException(name));
  }

  /** Every app, by id. */
  List<App> list();

  /**
   * Deletes the app with its channels, event tables and access keys, in one transaction.
   *
   * @throws AppNotFoundException when there is no such app
   */
  void delete(int appId);
}

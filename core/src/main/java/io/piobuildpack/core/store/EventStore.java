package io.piobuildpack.core.store;

/**
 * The event store: PredictionIO's metadata (apps, access keys, channels) and event data. Thread-safe; close it
 * to release its connections.
 */
public interface EventStore extends AutoCloseable {

  AppRepository apps();

  AccessKeyRepository accessKeys();

  ChannelRepository channels();

  EventRepository events();

  BulkEventOperations bulk();

  /** Entity properties aggregated from {@code $set/$unset/$delete} events. */
  default EntityProperties entityProperties() {
    return new EntityProperties(events());
  }

  /**
   * Checks that the database answers.
   *
   * @throws StorageUnavailableException when it does not
   */
  void ping();

  /** Where the store is, for logs (never with a password). */
  String describe();

  @Override
  void close();
}

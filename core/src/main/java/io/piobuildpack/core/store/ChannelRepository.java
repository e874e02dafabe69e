package io.piobuildpack.core.store;

import java.util.List;
import java.util.Optional;

/** Named channels of apps, each with its own event table. */
public interface ChannelRepository {

  /**
   * Creates the channel and its event table in one transaction.
   *
   * @throws InvalidChannelNameException when the name breaks PredictionIO's rule
   * @throws AppNotFoundException when the app does not exist
   * @throws ChannelAlreadyExistsException when the app already has a channel of that name
   */
  Channel create(int appId, String name);

  Optional<Channel> find(int appId, String name);

  /** The channel of this name. @throws ChannelNotFoundException when there is none */
  default Channel get(int appId, String name) {
    return find(appId, name).orElseThrow(() -> new ChannelNotFoundException(appId, name));
  }

  /** The app's channels, by id. */
  List<Channel> listByApp(int appId);

  /**
   * Deletes the channel and drops its event table, in one transaction.
   *
   * @throws ChannelNotFoundException when the app has no channel of that name
   */
  void delete(int appId, String name);
}

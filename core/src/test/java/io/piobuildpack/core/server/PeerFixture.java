package io.piobuildpack.core.server;

import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.NewApp;
import java.util.List;

/**
 * The apps and keys of the recorded PredictionIO session (transcripts §2): app 42 {@code MyApp1} with key
 * {@code fixedKey42} (all events), {@code limitedKey} (buy and view only) and channel {@code ch1}; app 7
 * {@code LoadApp} with key {@code loadKey7}.
 */
final class PeerFixture {

  static final int APP = 42;
  static final String KEY = "fixedKey42";
  static final String LIMITED_KEY = "limitedKey";
  static final String CHANNEL = "ch1";
  static final int OTHER_APP = 7;
  static final String OTHER_KEY = "loadKey7";

  private PeerFixture() {}

  static void seed(EventStore store) {
    store.apps().create(NewApp.named("MyApp1").withId(APP).withAccessKey(KEY).withDescription("peer transcript app"));
    store.accessKeys().create(APP, LIMITED_KEY, List.of("buy", "view"));
    store.channels().create(APP, CHANNEL);
    store.apps().create(NewApp.named("LoadApp").withId(OTHER_APP).withAccessKey(OTHER_KEY));
  }
}
